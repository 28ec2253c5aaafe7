namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>How hard the gateway saves data; each level includes the ones before it.</summary>
public enum BudgetLevel
{
    /// <summary>Spending at or below the allowed pace.</summary>
    Normal,

    /// <summary>Deadbands and heartbeats widened (fewer readings pass report by exception).</summary>
    Thrifty,

    /// <summary>Telemetry uploaded at most every <c>Budget:SparseUploadInterval</c>.</summary>
    Sparse,

    /// <summary>Pending raw telemetry replaced by aggregates (min/max/avg/count per channel per interval) before it is sent.</summary>
    Aggregated,

    /// <summary>Telemetry's share used up: telemetry waits for the next day or month; alarms, events and command results still go.</summary>
    Exhausted,
}
