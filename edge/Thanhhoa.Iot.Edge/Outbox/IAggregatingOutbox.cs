namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>An outbox that can replace its pending raw telemetry by aggregates on request (the data budget's level <c>Aggregated</c>).</summary>
public interface IAggregatingOutbox
{
    /// <summary>
    /// Replaces pending raw telemetry by aggregates (min/max/avg/count per channel per <paramref name="interval"/>)
    /// and records the replaced ranges for the loss ledger. Call it only while no telemetry batch is in flight.
    /// </summary>
    Task AggregatePendingAsync(TimeSpan interval, CancellationToken cancellationToken);
}
