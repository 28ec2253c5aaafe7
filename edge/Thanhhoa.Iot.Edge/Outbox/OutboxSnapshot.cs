namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>What the writer last made durable; published whole so readers never see half an update.</summary>
internal sealed record OutboxSnapshot(
    OutboxCounters Counters,
    long DurableSeq,
    long UsedBytes,
    long DroppedReadings,
    long FailedWrites,
    IReadOnlyList<DroppedRange> DroppedRanges)
{
    public bool HasPending => Counters.ReadingCount + Counters.EventCount + Counters.MessageCount > 0;

    public bool HasPriority => Counters.EventCount + Counters.MessageCount > 0;
}
