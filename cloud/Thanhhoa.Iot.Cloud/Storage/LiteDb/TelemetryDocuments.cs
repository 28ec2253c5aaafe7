using LiteDB;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>Maps events (and readings of the old one-document-per-reading layout) to BSON and back (explicit, no reflection mapper). Times are UTC ticks.</summary>
internal static class TelemetryDocuments
{
    /// <summary>A reading of the layout before blocks (one document per reading, <see cref="LegacyReadingsConversion"/>).</summary>
    public static StoredReading ToReading(BsonDocument d) => new(
        d[LiteDbKeys.Device].AsString,
        d["s"].AsInt64,
        d["c"].AsString,
        Time(d["t"]),
        d["v"].AsDouble,
        (Quality)d["q"].AsInt32,
        Time(d["r"]),
        TimeQualityOf(d));

    public static BsonDocument From(StoredEvent e)
    {
        var doc = new BsonDocument
        {
            ["_id"] = LiteDbKeys.Id(e.DeviceId, e.Seq),
            [LiteDbKeys.Device] = e.DeviceId,
            ["s"] = e.Seq,
            ["t"] = e.Timestamp.UtcTicks,
            ["code"] = e.Code,
            ["a"] = (int)e.Action,
            ["sev"] = (int)e.Severity,
            ["c"] = e.Channel is null ? BsonValue.Null : e.Channel,
            ["m"] = e.Message is null ? BsonValue.Null : e.Message,
            ["r"] = e.ReceivedAt.UtcTicks,
            [LiteDbKeys.DeviceTime] = LiteDbKeys.ByTime(e.DeviceId, e.Timestamp, e.Seq),
        };
        if (e.Values is not null)
        {
            var values = new BsonDocument();
            foreach (var (key, value) in e.Values)
            {
                values[key] = value;
            }

            doc["vals"] = values;
        }

        return WithTimeQuality(doc, e.TimeQuality);
    }

    public static StoredEvent ToEvent(BsonDocument d) => new(
        d[LiteDbKeys.Device].AsString,
        d["s"].AsInt64,
        Time(d["t"]),
        d["code"].AsString,
        (EventAction)d["a"].AsInt32,
        (Severity)d["sev"].AsInt32,
        d["c"].IsNull ? null : d["c"].AsString,
        d["m"].IsNull ? null : d["m"].AsString,
        d.TryGetValue("vals", out var vals) && vals.IsDocument ? vals.AsDocument.ToDictionary(kv => kv.Key, kv => kv.Value.AsDouble) : null,
        Time(d["r"]),
        TimeQualityOf(d));

    /// <summary>Only rows whose time is not synced carry "tq"; rows stored before the field existed are synced.</summary>
    private static BsonDocument WithTimeQuality(BsonDocument doc, TimeQuality quality)
    {
        if (quality != TimeQuality.Synced)
        {
            doc["tq"] = (int)quality;
        }

        return doc;
    }

    private static TimeQuality TimeQualityOf(BsonDocument d) => d.TryGetValue("tq", out var tq) ? (TimeQuality)tq.AsInt32 : TimeQuality.Synced;

    public static DateTimeOffset Time(BsonValue ticks) => new(ticks.AsInt64, TimeSpan.Zero);
}
