namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// One device's readings of one UTC hour, kept as one row (PostgreSQL) or one document (LiteDB) instead
/// of one per reading: a store's cost is per row and per index entry, and a telemetry message holds
/// tens to hundreds of readings. Each message's new readings become one block per hour they fall in (so
/// several blocks may share a device and hour; a block keeps one arrival time, <see cref="ReceivedAt"/>). Blocks never span an hour, so a time-range query reads the blocks whose
/// <see cref="Hour"/> lies in [hour of From, To] and filters inside them (<see cref="Select"/>).
/// Readings inside a block are ordered by timestamp, then sequence.
/// </summary>
public sealed class ReadingBlock
{
    /// <summary>The length of time one block covers, from <see cref="Hour"/>.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromHours(1);

    private ReadingBlock(string deviceId, DateTimeOffset hour, IReadOnlyList<StoredReading> readings)
    {
        DeviceId = deviceId;
        Hour = hour;
        Readings = readings;
    }

    public string DeviceId { get; }

    /// <summary>The start of the UTC hour every reading of the block falls in.</summary>
    public DateTimeOffset Hour { get; }

    public IReadOnlyList<StoredReading> Readings { get; }

    /// <summary>When the cloud received the block's readings (one message's, so one time).</summary>
    public DateTimeOffset ReceivedAt => Readings[0].ReceivedAt;

    public DateTimeOffset First => Readings[0].Timestamp;

    public DateTimeOffset Last => Readings[^1].Timestamp;

    /// <summary>The start of the UTC hour of <paramref name="at"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % Span.Ticks), TimeSpan.Zero);
    }

    /// <summary>
    /// Groups readings into blocks by device, hour and arrival time (each ordered by timestamp, then sequence):
    /// readings of several messages stored in one group commit stay apart, each with its own arrival time.
    /// </summary>
    public static IReadOnlyList<ReadingBlock> Split(IEnumerable<StoredReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings is IReadOnlyList<StoredReading> list && IsOneBlock(list))
        {
            return [new ReadingBlock(list[0].DeviceId, HourOf(list[0].Timestamp), list.ToArray())];
        }

        return readings
            .GroupBy(r => (r.DeviceId, Hour: HourOf(r.Timestamp), r.ReceivedAt.UtcTicks))
            .Select(g => new ReadingBlock(g.Key.DeviceId, g.Key.Hour, g.OrderBy(r => r.Timestamp).ThenBy(r => r.Seq).ToList()))
            .OrderBy(b => b.DeviceId, StringComparer.Ordinal)
            .ThenBy(b => b.Hour)
            .ThenBy(b => b.ReceivedAt)
            .ToList();
    }

    /// <summary>
    /// The common case, one message of one hour in order, without grouping and sorting: true when every reading shares
    /// the first one's device, hour and arrival and they are already in block order.
    /// </summary>
    private static bool IsOneBlock(IReadOnlyList<StoredReading> readings)
    {
        if (readings.Count == 0)
        {
            return false;
        }

        var first = readings[0];
        var hour = HourOf(first.Timestamp);
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            if (!string.Equals(r.DeviceId, first.DeviceId, StringComparison.Ordinal) || r.ReceivedAt.UtcTicks != first.ReceivedAt.UtcTicks
                || HourOf(r.Timestamp) != hour || (i > 0 && !InOrder(readings[i - 1], r)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InOrder(StoredReading a, StoredReading b) =>
        a.Timestamp < b.Timestamp || (a.Timestamp == b.Timestamp && a.Seq < b.Seq);

    /// <summary>A block as read back from a store; <paramref name="readings"/> must already be in block order.</summary>
    public static ReadingBlock FromStore(string deviceId, DateTimeOffset hour, IReadOnlyList<StoredReading> readings) =>
        new(deviceId, hour, readings);

    /// <summary>The first and last block hour a query has to read (inclusive).</summary>
    public static (DateTimeOffset FirstHour, DateTimeOffset LastHour) Hours(TelemetryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (HourOf(query.From), HourOf(query.To));
    }

    /// <summary>
    /// The query's answer from the blocks it read: readings of the device (and channel, when given) with
    /// From ≤ timestamp ≤ To, ascending by timestamp then sequence, at most Limit.
    /// </summary>
    public static IReadOnlyList<StoredReading> Select(IEnumerable<ReadingBlock> blocks, TelemetryQuery query)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(query);
        return blocks
            .Where(b => string.Equals(b.DeviceId, query.DeviceId, StringComparison.Ordinal))
            .SelectMany(b => b.Readings)
            .Where(r => r.Timestamp >= query.From && r.Timestamp <= query.To
                        && (query.Channel is null || string.Equals(r.Channel, query.Channel, StringComparison.Ordinal)))
            .OrderBy(r => r.Timestamp) // several blocks (messages) may share an hour
            .ThenBy(r => r.Seq)
            .Take(query.Limit)
            .ToList();
    }
}
