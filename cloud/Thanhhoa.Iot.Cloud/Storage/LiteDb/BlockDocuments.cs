using System.Buffers.Binary;
using LiteDB;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Maps a <see cref="ReadingBlock"/> to one BSON document and back. The readings are one binary field of
/// fixed-size records (little-endian: sequence, timestamp ticks, value, channel index, quality, time
/// quality), not a BSON array: LiteDB's cost per array element is close to its cost per document,
/// which is what blocks exist to avoid. Channel names are stored once per block ("c"), records refer to
/// them by index. Every reading of a block was received at the same time ("r").
/// </summary>
internal static class BlockDocuments
{
    public const string Channels = "c";
    public const int RecordSize = 28;
    private const int Format = 1;

    public static BsonDocument From(ReadingBlock block)
    {
        var channels = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new BsonArray();
        var records = new byte[block.Readings.Count * RecordSize];
        var firstSeq = long.MaxValue;
        for (var i = 0; i < block.Readings.Count; i++)
        {
            var r = block.Readings[i];
            if (!channels.TryGetValue(r.Channel, out var channel))
            {
                channel = channels[r.Channel] = channels.Count;
                names.Add(r.Channel);
            }

            Write(records.AsSpan(i * RecordSize, RecordSize), r, channel);
            firstSeq = Math.Min(firstSeq, r.Seq);
        }

        return new BsonDocument
        {
            ["_id"] = LiteDbKeys.Block(block.DeviceId, block.Hour, firstSeq),
            [LiteDbKeys.Device] = block.DeviceId,
            ["h"] = block.Hour.UtcTicks,
            ["s"] = firstSeq,
            ["n"] = block.Readings.Count,
            ["r"] = block.ReceivedAt.UtcTicks,
            ["f"] = Format,
            [Channels] = names,
            ["b"] = records,
        };
    }

    public static ReadingBlock ToBlock(BsonDocument d)
    {
        var device = d[LiteDbKeys.Device].AsString;
        var receivedAt = TelemetryDocuments.Time(d["r"]);
        var names = d[Channels].AsArray.Select(c => c.AsString).ToArray();
        var records = d["b"].AsBinary;
        var readings = new StoredReading[records.Length / RecordSize];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = Read(records.AsSpan(i * RecordSize, RecordSize), device, names, receivedAt);
        }

        return ReadingBlock.FromStore(device, TelemetryDocuments.Time(d["h"]), readings);
    }

    public static bool HasChannel(BsonDocument d, string channel) =>
        d[Channels].AsArray.Any(c => string.Equals(c.AsString, channel, StringComparison.Ordinal));

    public static DateTimeOffset HourOf(BsonDocument d) => TelemetryDocuments.Time(d["h"]);

    private static void Write(Span<byte> record, StoredReading r, int channel)
    {
        BinaryPrimitives.WriteInt64LittleEndian(record, r.Seq);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], r.Timestamp.UtcTicks);
        BinaryPrimitives.WriteDoubleLittleEndian(record[16..], r.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(record[24..], checked((ushort)channel));
        record[26] = checked((byte)r.Quality);
        record[27] = checked((byte)r.TimeQuality);
    }

    private static StoredReading Read(ReadOnlySpan<byte> record, string device, string[] channels, DateTimeOffset receivedAt) => new(
        device,
        BinaryPrimitives.ReadInt64LittleEndian(record),
        channels[BinaryPrimitives.ReadUInt16LittleEndian(record[24..])],
        new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(record[8..]), TimeSpan.Zero),
        BinaryPrimitives.ReadDoubleLittleEndian(record[16..]),
        (Quality)record[26],
        receivedAt,
        (TimeQuality)record[27]);
}
