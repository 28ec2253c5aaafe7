using System.Buffers.Binary;
using LiteDB;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Maps <see cref="DeviceState"/> to BSON and back. Times are UTC ticks. The device's document also holds
/// its sequence ledger ("seqs": the reading sequence numbers stored, as [lo, hi) pairs of little-endian
/// int64), which every write of a telemetry message already reads and rewrites with the registry row.
/// </summary>
internal static class DeviceDocuments
{
    private const string Ledger = "seqs";

    /// <summary>
    /// The newest value per channel, packed (<see cref="ChannelRecords"/>): every telemetry message reads and
    /// rewrites this document, and a BSON sub-document per channel made that the largest part of a write.
    /// </summary>
    private const string PackedChannels = "cb";

    public static SequenceRanges LedgerOf(BsonDocument? d)
    {
        if (d is null || !d.TryGetValue(Ledger, out var value))
        {
            return new SequenceRanges();
        }

        var bytes = value.AsBinary;
        var ranges = new (long, long)[bytes.Length / 16];
        for (var i = 0; i < ranges.Length; i++)
        {
            var pair = bytes.AsSpan(i * 16, 16);
            ranges[i] = (BinaryPrimitives.ReadInt64LittleEndian(pair), BinaryPrimitives.ReadInt64LittleEndian(pair[8..]));
        }

        return SequenceRanges.From(ranges);
    }

    public static void SetLedger(BsonDocument d, SequenceRanges ledger)
    {
        var bytes = new byte[ledger.Ranges.Count * 16];
        for (var i = 0; i < ledger.Ranges.Count; i++)
        {
            var pair = bytes.AsSpan(i * 16, 16);
            BinaryPrimitives.WriteInt64LittleEndian(pair, ledger.Ranges[i].Lo);
            BinaryPrimitives.WriteInt64LittleEndian(pair[8..], ledger.Ranges[i].Hi);
        }

        d[Ledger] = bytes;
    }

    public static BsonDocument From(DeviceState s) => new()
    {
        ["_id"] = s.DeviceId,
        ["online"] = s.Online,
        ["session"] = s.Session,
        ["first"] = s.FirstSeen.UtcTicks,
        ["last"] = Ticks(s.LastSeen),
        ["changed"] = Ticks(s.StateChangedAt),
        ["reason"] = Text(s.OfflineReason),
        ["fw"] = Text(s.Firmware),
        ["site"] = Text(s.Site),
        [PackedChannels] = ChannelRecords.Pack(s.Channels),
    };

    public static DeviceState ToState(BsonDocument d) => new()
    {
        DeviceId = d["_id"].AsString,
        Online = d["online"].AsBoolean,
        Session = d["session"].AsInt64,
        FirstSeen = TelemetryDocuments.Time(d["first"]),
        LastSeen = Time(d["last"]),
        StateChangedAt = Time(d["changed"]),
        OfflineReason = Text(d["reason"]),
        Firmware = Text(d["fw"]),
        Site = Text(d["site"]),
        Channels = d.TryGetValue(PackedChannels, out var packed) ? ChannelRecords.Unpack(packed.AsBinary) : ChannelsOf(d["ch"].AsDocument),
    };

    /// <summary>The channel map as rows written before <see cref="PackedChannels"/> kept it: one sub-document per channel.</summary>
    private static Dictionary<string, ChannelValue> ChannelsOf(BsonDocument channels) => channels.ToDictionary(
        kv => kv.Key,
        kv => new ChannelValue(kv.Value["v"].AsDouble, TelemetryDocuments.Time(kv.Value["t"]), (Quality)kv.Value["q"].AsInt32, kv.Value["s"].AsInt64),
        StringComparer.Ordinal);

    private static BsonValue Ticks(DateTimeOffset? at) => at is { } t ? t.UtcTicks : BsonValue.Null;

    private static DateTimeOffset? Time(BsonValue v) => v.IsNull ? null : TelemetryDocuments.Time(v);

    private static BsonValue Text(string? s) => s is null ? BsonValue.Null : s;

    private static string? Text(BsonValue v) => v.IsNull ? null : v.AsString;
}
