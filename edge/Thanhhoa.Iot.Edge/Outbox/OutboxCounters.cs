namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>The outbox's own bookkeeping, stored in the same transaction as the rows it describes.</summary>
internal readonly record struct OutboxCounters(long LastSeq, long ReadingCount, long ReadingBytes, long EventCount, long EventBytes)
{
    /// <summary>Control messages (command results, configuration reports) pending; never dropped, like events.</summary>
    public long MessageCount { get; init; }

    public long MessageBytes { get; init; }

    public long LiveBytes => ReadingBytes + EventBytes + MessageBytes;

    public long AverageMessageBytes => MessageCount == 0 ? 0 : MessageBytes / MessageCount;

    public OutboxCounters WithoutMessages(long count, long bytes) =>
        this with { MessageCount = Math.Max(0, MessageCount - count), MessageBytes = MessageCount - count <= 0 ? 0 : Math.Max(0, MessageBytes - bytes) };

    public long AverageReadingBytes => ReadingCount == 0 ? 0 : ReadingBytes / ReadingCount;

    public long AverageEventBytes => EventCount == 0 ? 0 : EventBytes / EventCount;

    public OutboxCounters WithoutReadings(long count, long bytes) =>
        this with { ReadingCount = Math.Max(0, ReadingCount - count), ReadingBytes = ReadingCount - count <= 0 ? 0 : Math.Max(0, ReadingBytes - bytes) };

    public OutboxCounters WithoutEvents(long count, long bytes) =>
        this with { EventCount = Math.Max(0, EventCount - count), EventBytes = EventCount - count <= 0 ? 0 : Math.Max(0, EventBytes - bytes) };
}
