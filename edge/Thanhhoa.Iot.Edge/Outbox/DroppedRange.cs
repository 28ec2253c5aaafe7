namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// A run of consecutive sequence numbers whose readings the outbox dropped at its quota, for the
/// loss ledger the cloud receives. A run never contains an event (events are never dropped).
/// </summary>
/// <param name="First">First dropped sequence number.</param>
/// <param name="Last">Last dropped sequence number (inclusive).</param>
/// <param name="DroppedAt">When the last reading of the run was dropped.</param>
public sealed record DroppedRange(long First, long Last, DateTimeOffset DroppedAt)
{
    /// <summary>Readings in the run.</summary>
    public long Count => Last - First + 1;
}
