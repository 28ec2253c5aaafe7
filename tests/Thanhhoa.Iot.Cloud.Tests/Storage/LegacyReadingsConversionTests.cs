using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>
/// A data file written in the layout before reading blocks (collection "readings", one document per reading
/// with the id device|sequence and two time indexes) is converted when the store opens.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LegacyReadingsConversionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = TestMessages.T0;
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("cloud-convert");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Open_OldLayoutFile_EveryReadingConvertedOnceAndOldCollectionDropped()
    {
        var old = OldReadings();
        var gw1 = DeviceState.New("gw-1", T0) with { LastSeen = T0.AddHours(1), Channels = new Dictionary<string, ChannelValue> { ["mains"] = new(1, T0, Quality.Good, 40) } };
        WriteOldLayout(old, gw1);
        var logger = new Logger();

        var store = new LiteDbStore(_dir.Path, logger: logger);
        await using var _ = store;
        var telemetry = new LiteTelemetryStore(store);
        var stored = new List<StoredReading>();
        foreach (var device in new[] { "gw-1", "gw-2", "gw-3" })
        {
            stored.AddRange(await telemetry.QueryReadingsAsync(AllOf(device), None));
        }

        var again = await telemetry.AppendReadingsAsync(old, None);
        var registry = await new LiteDeviceRegistry(store).GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(old.OrderBy(r => r.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Timestamp).ThenBy(r => r.Seq)));
            Assert.That(again, Is.EqualTo(new AppendResult(0, old.Count)), "the ledgers hold every converted reading");
            Assert.That(store.Database.CollectionExists(LegacyReadingsConversion.Legacy), Is.False);
            Assert.That(store.Database.GetCollection(LiteDbStore.ReadingBlocks).Count(), Is.EqualTo(6), "gw-1: 2 messages x 2 hours; gw-2, gw-3: one each");
            Assert.That(registry!.Channels["mains"], Is.EqualTo(new ChannelValue(1, T0, Quality.Good, 40)), "a row of the old layout still reads, after the ledger was added to it");
            Assert.That((registry.Firmware, registry.LastSeen), Is.EqualTo(("1.4.2", (DateTimeOffset?)T0.AddHours(1))));
            Assert.That(logger.Ids, Does.Contain(4101).And.Contain(4103));
        });
    }

    [Test]
    public async Task Open_ConversionInterruptedAfterTwoChunks_ResumesWithoutLossOrDuplicates()
    {
        var old = OldReadings();
        WriteOldLayout(old);
        using (var db = OpenRaw())
        {
            LegacyReadingsConversion.ConvertNextChunk(db, chunkSize: 7);
            LegacyReadingsConversion.ConvertNextChunk(db, chunkSize: 7);
        }

        var stored = await ReopenAndQueryAsync();
        Assert.That(stored, Is.EquivalentTo(old));
    }

    [Test]
    public async Task Open_ChunkConvertedButCursorLost_LedgerDropsTheSecondCopy()
    {
        var old = OldReadings();
        WriteOldLayout(old);
        using (var db = OpenRaw())
        {
            LegacyReadingsConversion.ConvertNextChunk(db, chunkSize: 30);
            db.GetCollection(LegacyReadingsConversion.Meta).Delete(LegacyReadingsConversion.CursorId);
        }

        var stored = await ReopenAndQueryAsync();
        Assert.That(stored, Is.EquivalentTo(old));
    }

    [Test]
    public async Task Open_NewFile_NoConversionLogged()
    {
        var logger = new Logger();
        await using (new LiteDbStore(_dir.Path, logger: logger))
        {
        }

        Assert.That(logger.Ids, Is.Empty);
    }

    /// <summary>gw-1: two messages (received a minute apart), each across an hour boundary, two channels; gw-2: flags; gw-3: no registry row.</summary>
    private static List<StoredReading> OldReadings()
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

    /// <summary>Writes the file as the store did before blocks: same collections, document shape and indexes.</summary>
    private void WriteOldLayout(IEnumerable<StoredReading> readings, params DeviceState[] devices)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = _dir.File("cloud.db"), Collation = Collation.Binary });
        var collection = db.GetCollection("readings");
        collection.EnsureIndex("dct", "$.dct");
        collection.EnsureIndex("dt", "$.dt");
        collection.InsertBulk(readings.Select(OldDocument));
        if (devices.Length > 0)
        {
            db.GetCollection("devices").InsertBulk(devices.Select(OldDeviceDocument));
        }
    }

    private static BsonDocument OldDocument(StoredReading r)
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
    private static BsonDocument OldDeviceDocument(DeviceState s)
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

    private LiteDatabase OpenRaw() => new(new ConnectionString { Filename = _dir.File("cloud.db") });

    private async Task<List<StoredReading>> ReopenAndQueryAsync()
    {
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        var telemetry = new LiteTelemetryStore(store);
        var stored = new List<StoredReading>();
        foreach (var device in new[] { "gw-1", "gw-2", "gw-3" })
        {
            stored.AddRange(await telemetry.QueryReadingsAsync(AllOf(device), None));
        }

        Assert.That(store.Database.CollectionExists(LegacyReadingsConversion.Legacy), Is.False);
        return stored;
    }

    private static TelemetryQuery AllOf(string device) => new(device, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10_000);

    private sealed class Logger : ILogger<LiteDbStore>
    {
        private readonly ConcurrentQueue<int> _ids = new();

        public IReadOnlyList<int> Ids => _ids.ToList();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _ids.Enqueue(eventId.Id);
            _ = formatter(state, exception);
        }
    }
}
