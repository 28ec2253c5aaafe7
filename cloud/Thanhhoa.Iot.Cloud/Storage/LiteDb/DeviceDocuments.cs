using LiteDB;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>Maps <see cref="DeviceState"/> to BSON and back. Times are UTC ticks.</summary>
internal static class DeviceDocuments
{
    public static BsonDocument From(DeviceState s)
    {
        var channels = new BsonDocument();
        foreach (var (name, value) in s.Channels)
        {
            channels[name] = new BsonDocument
            {
                ["v"] = value.Value,
                ["t"] = value.Timestamp.UtcTicks,
                ["q"] = (int)value.Quality,
                ["s"] = value.Seq,
            };
        }

        return new BsonDocument
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
            ["ch"] = channels,
        };
    }

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
        Channels = d["ch"].AsDocument.ToDictionary(
            kv => kv.Key,
            kv => new ChannelValue(
                kv.Value["v"].AsDouble,
                TelemetryDocuments.Time(kv.Value["t"]),
                (Quality)kv.Value["q"].AsInt32,
                kv.Value["s"].AsInt64),
            StringComparer.Ordinal),
    };

    private static BsonValue Ticks(DateTimeOffset? at) => at is { } t ? t.UtcTicks : BsonValue.Null;

    private static DateTimeOffset? Time(BsonValue v) => v.IsNull ? null : TelemetryDocuments.Time(v);

    private static BsonValue Text(string? s) => s is null ? BsonValue.Null : s;

    private static string? Text(BsonValue v) => v.IsNull ? null : v.AsString;
}
