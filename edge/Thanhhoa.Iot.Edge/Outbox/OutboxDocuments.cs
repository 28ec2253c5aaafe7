using LiteDB;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Timekeeping;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>How readings, events and the outbox's own state look as LiteDB documents (short keys: SD cards and quotas).</summary>
internal static class OutboxDocuments
{
    public const string Readings = "r";
    public const string Events = "e";
    public const string Meta = "meta";
    public const string Dropped = "dropped";
    public const string Messages = "m";
    public const string Downsampled = "downsampled";

    /// <summary>Set (true) on rows stored while the wall time was not trusted; removed when re-anchored.</summary>
    public const string Untrusted = "u";
    private const string Boot = "b";
    private const string Monotonic = "mt";

    /// <summary>
    /// Disk a reading takes as the quota counts it: the BSON document (about 60 bytes plus the channel
    /// id) and LiteDB's block header, page slot and primary-index node. Checked against real file
    /// sizes by LiteDbOutboxQuotaTests.
    /// </summary>
    public static long EstimateReadingBytes(string channel) => 140 + (2 * channel.Length);

    public static long EstimateEventBytes(BsonDocument doc) => 120 + BsonSerializer.Serialize(doc).Length;

    public static BsonDocument ToDocument(SensorReading reading, long seq, ClockStamp? stamp = null) => Stamped(
        new BsonDocument
        {
            ["_id"] = seq,
            ["c"] = reading.Channel,
            ["t"] = reading.Timestamp.UtcTicks,
            ["v"] = reading.Value,
            ["q"] = (int)reading.Quality,
        },
        stamp);

    /// <summary>The reading to send; a row stored untrusted gets its corrected time, or goes flagged unsynced when it has none.</summary>
    public static Reading ToReading(BsonDocument doc, Func<long, long, DateTimeOffset?>? correct = null)
    {
        var (timestamp, quality) = TimeOf(doc, correct);
        return new()
        {
            Seq = doc["_id"].AsInt64,
            Channel = doc["c"].AsString,
            Timestamp = timestamp,
            Value = doc["v"].AsDouble,
            Quality = (Quality)doc["q"].AsInt32,
            TimeQuality = quality,
        };
    }

    /// <summary>Gives an untrusted row its trusted time and clears the flag; false when it cannot be corrected (another boot).</summary>
    public static bool Reanchor(BsonDocument doc, Func<long, long, DateTimeOffset?> correct)
    {
        if (!doc.TryGetValue(Boot, out var boot) || !doc.TryGetValue(Monotonic, out var monotonic)
            || correct(boot.AsInt64, monotonic.AsInt64) is not { } trusted)
        {
            return false;
        }

        doc["t"] = trusted.UtcTicks;
        doc.Remove(Untrusted);
        return true;
    }

    private static BsonDocument Stamped(BsonDocument doc, ClockStamp? stamp)
    {
        if (stamp is { } s)
        {
            doc["t"] = s.Timestamp.UtcTicks;
            doc[Boot] = s.BootKey;
            doc[Monotonic] = s.Monotonic;
            if (!s.Trusted)
            {
                doc[Untrusted] = true;
            }
        }

        return doc;
    }

    private static (DateTimeOffset Timestamp, TimeQuality Quality) TimeOf(BsonDocument doc, Func<long, long, DateTimeOffset?>? correct)
    {
        var stored = new DateTimeOffset(doc["t"].AsInt64, TimeSpan.Zero);
        if (!doc.ContainsKey(Untrusted))
        {
            return (stored, TimeQuality.Synced);
        }

        var copy = new BsonDocument(doc);
        return correct is not null && Reanchor(copy, correct)
            ? (new DateTimeOffset(copy["t"].AsInt64, TimeSpan.Zero), TimeQuality.Synced)
            : (stored, TimeQuality.Unsynced);
    }

    public static StoredReading ToStoredReading(BsonDocument doc)
    {
        var channel = doc["c"].AsString;
        return new StoredReading(
            doc["_id"].AsInt64,
            channel,
            new DateTimeOffset(doc["t"].AsInt64, TimeSpan.Zero),
            doc["v"].AsDouble,
            (Quality)doc["q"].AsInt32,
            EstimateReadingBytes(channel))
        {
            IsAggregate = doc.TryGetValue("a", out var aggregate) && aggregate.AsBoolean,
        };
    }

    public static BsonDocument ToDocument(AggregateRow row) => new()
    {
        ["_id"] = row.Seq,
        ["c"] = row.Channel,
        ["t"] = row.Timestamp.UtcTicks,
        ["v"] = row.Value,
        ["q"] = (int)row.Quality,
        ["a"] = true,
    };

    public static BsonDocument ToDocument(EventDraft draft, long seq, ClockStamp? stamp = null)
    {
        var doc = new BsonDocument
        {
            ["_id"] = seq,
            ["t"] = draft.Timestamp.UtcTicks,
            ["code"] = draft.Code,
            ["a"] = (int)draft.Action,
            ["s"] = (int)draft.Severity,
        };
        if (draft.Channel is not null)
        {
            doc["c"] = draft.Channel;
        }

        if (draft.Message is not null)
        {
            doc["m"] = draft.Message;
        }

        if (draft.Values is not null)
        {
            var values = new BsonDocument();
            foreach (var (key, value) in draft.Values)
            {
                values[key] = value;
            }

            doc["vals"] = values;
        }

        return Stamped(doc, stamp);
    }

    public static DeviceEvent ToEvent(BsonDocument doc, Func<long, long, DateTimeOffset?>? correct = null)
    {
        var (timestamp, quality) = TimeOf(doc, correct);
        return new()
        {
            Seq = doc["_id"].AsInt64,
            Timestamp = timestamp,
            Code = doc["code"].AsString,
            Action = (EventAction)doc["a"].AsInt32,
            Severity = (Severity)doc["s"].AsInt32,
            Channel = doc.TryGetValue("c", out var channel) ? channel.AsString : null,
            Message = doc.TryGetValue("m", out var message) ? message.AsString : null,
            Values = doc.TryGetValue("vals", out var values) ? ToValues(values.AsDocument) : null,
            TimeQuality = quality,
        };
    }

    public static BsonDocument ToDocument(OutboxMessage message, long seq) => new()
    {
        ["_id"] = seq,
        ["k"] = (int)message.Kind,
        ["p"] = message.Payload,
    };

    public static long EstimateMessageBytes(OutboxMessage message) => 80 + message.Payload.Length;

    public static PendingMessage ToMessage(BsonDocument doc) =>
        new(doc["_id"].AsInt64, (TopicKind)doc["k"].AsInt32, doc["p"].AsBinary);

    public static BsonDocument ToDocument(DroppedRange range) => new()
    {
        ["_id"] = range.First,
        ["last"] = range.Last,
        ["at"] = range.DroppedAt.UtcTicks,
    };

    public static DroppedRange ToDroppedRange(BsonDocument doc) =>
        new(doc["_id"].AsInt64, doc["last"].AsInt64, new DateTimeOffset(doc["at"].AsInt64, TimeSpan.Zero));

    public static BsonDocument ToDocument(DownsampledRange range) => new()
    {
        ["_id"] = range.First,
        ["last"] = range.Last,
        ["n"] = range.Count,
        ["at"] = range.At.UtcTicks,
    };

    public static DownsampledRange ToDownsampledRange(BsonDocument doc) =>
        new(doc["_id"].AsInt64, doc["last"].AsInt64, doc["n"].AsInt64, new DateTimeOffset(doc["at"].AsInt64, TimeSpan.Zero));

    private static Dictionary<string, double> ToValues(BsonDocument doc)
    {
        var values = new Dictionary<string, double>(doc.Count, StringComparer.Ordinal);
        foreach (var (key, value) in doc)
        {
            values[key] = value.AsDouble;
        }

        return values;
    }
}
