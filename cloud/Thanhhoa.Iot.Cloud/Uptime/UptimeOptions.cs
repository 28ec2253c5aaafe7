namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Uptime ledger settings (section <c>Uptime</c>).</summary>
public sealed class UptimeOptions
{
    public const string Section = "Uptime";

    /// <summary>Longest gap between a gateway's buffered observations that still counts as contact during a link outage.</summary>
    public TimeSpan MaxSilence { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far before a range the ledger reads events to know the state at its start.</summary>
    public TimeSpan StateLookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>History kept in memory per gateway for fast queries (older ranges are read from the store).</summary>
    public TimeSpan MemoryHorizon { get; set; } = TimeSpan.FromDays(31);

    public AutonomyOptions Autonomy { get; set; } = new();
}
