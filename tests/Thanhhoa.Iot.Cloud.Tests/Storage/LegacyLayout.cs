using LiteDB;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>
/// A data file written in the layout before reading blocks: collection "readings", one document per reading
/// with the id device|sequence and two time indexes, and registry rows with one sub-document per channel.
/// </summary>
internal static class LegacyLayout
{
    private static readonly DateTimeOffset T0 = TestMessages.T0;

    /// <summary>gw-1: two messages (received a minute apart), each across an hour boundary, two channels; gw-2: flags; gw-3: no registry row.</summary>
    public static List<StoredReading> Readings()
    {
        var start = T0.AddMinutes(59);
        var rows = Enumerable.Range(1, 40).Select(i => new StoredReading(
            "gw-1", i, i % 2 == 0 ? "mains" : "battery_v", start.AddSeconds((i - 1) % 20 * 6 + (i > 20 ? 1 : 0)), 48 + i, Quality.Good, i <= 20 ? T0 : T0.AddMinutes(1)))
            .ToList();
        rows.Add(new StoredReading("gw-2", 7, "temp_c", T0, -3.25, Quality.Bad, T0, TimeQuality.Unsynced));
        rows.Add(new StoredReading("gw-2", 8, "temp_c", T0.AddSeconds(1), -3.5, Quality.Uncertain, T0));
        rows.AddRange(Enumerable.Range(1, 3).Select(i => new StoredReading("gw-3", i, "door_open", T0.AddSeconds(i), 0, Quality.Good, T0)));
        return rows;
    }

    /// <summary><paramref name="devices"/> gateways sending <paramref name="perDevice"/> readings each, ten per message, one a second.</summary>
    public static List<StoredReading> Many(int devices, int perDevice) =>
        Enumerable.Range(1, devices).SelectMany(d => Enumerable.Range(1, perDevice).Select(i => new StoredReading(
            $"gw-{d:D3}", i, i % 2 == 0 ? "mains" : "battery_v", T0.AddSeconds(i), i, Quality.Good, T0.AddSeconds(i / 10 * 10))))
            .ToList();

    /// <summary>Writes the file as the store did before blocks: same collections, document shape and indexes.</summary>
    public static void Write(string file, IEnumerable<StoredReading> readings, params DeviceState[] devices)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = file, Collation = Collation.Binary });
        var collection = db.GetCollection("readings");
        collection.EnsureIndex("dct", "$.dct");
        collection.EnsureIndex("dt", "$.dt");
        collection.InsertBulk(readings.Select(Document));
        if (devices.Length > 0)
        {
            db.GetCollection("devices").InsertBulk(devices.Select(DeviceDocument));
        }
    }

    public static BsonDocument Document(StoredReading r)
    {
        var doc = new BsonDocument
        {
            ["_id"] = $"{r.DeviceId}|{Pad(r.Seq)}",
            ["d"] = r.DeviceId,
            ["s"] = r.Seq,
            ["c"] = r.Channel,
            ["t"] = r.Timestamp.UtcTicks,
            ["v"] = r.Value,
            ["q"] = (int)r.Quality,
            ["r"] = r.ReceivedAt.UtcTicks,
            ["dt"] = $"{r.DeviceId}|{Pad(r.Timestamp.UtcTicks)}|{Pad(r.Seq)}",
            ["dct"] = $"{r.DeviceId}|{r.Channel}|{Pad(r.Timestamp.UtcTicks)}|{Pad(r.Seq)}",
        };
        if (r.TimeQuality != TimeQuality.Synced)
        {
            doc["tq"] = (int)r.TimeQuality;
        }

        return doc;
    }

    /// <summary>A registry row as written before the channel map was packed: one sub-document per channel.</summary>
    private static BsonDocument DeviceDocument(DeviceState s)
    {
        var channels = new BsonDocument();
        foreach (var (name, value) in s.Channels)
        {
            channels[name] = new BsonDocument { ["v"] = value.Value, ["t"] = value.Timestamp.UtcTicks, ["q"] = (int)value.Quality, ["s"] = value.Seq };
        }

        return new BsonDocument
        {
            ["_id"] = s.DeviceId,
            ["online"] = s.Online,
            ["session"] = s.Session,
            ["first"] = s.FirstSeen.UtcTicks,
            ["last"] = s.LastSeen is { } last ? last.UtcTicks : BsonValue.Null,
            ["changed"] = BsonValue.Null,
            ["reason"] = BsonValue.Null,
            ["fw"] = "1.4.2",
            ["site"] = BsonValue.Null,
            ["ch"] = channels,
        };
    }

    private static string Pad(long value) => value.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
