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
    /// <summary>Runs of readings replaced by aggregates at the quota, oldest first, kept across restarts.</summary>
    public IReadOnlyList<DownsampledRange> DownsampledRanges { get; init; } = [];

    public bool HasPending => Counters.ReadingCount + Counters.EventCount + Counters.MessageCount > 0;

    public bool HasPriority => Counters.EventCount + Counters.MessageCount > 0;
}
