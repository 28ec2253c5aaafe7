using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>
/// A data file written in the layout before reading blocks (<see cref="LegacyLayout"/>) opens at once and is
/// converted in the background, chunk by chunk through the store's writer, beside live ingest.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LegacyReadingsConversionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = TestMessages.T0;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly string[] Gateways = ["gw-1", "gw-2", "gw-3"];
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("cloud-convert");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Execute_OldLayoutFile_EveryReadingConvertedOnceAndOldCollectionDropped()
    {
        var old = LegacyLayout.Readings();
        var gw1 = DeviceState.New("gw-1", T0) with { LastSeen = T0.AddHours(1), Channels = new Dictionary<string, ChannelValue> { ["mains"] = new(1, T0, Quality.Good, 40) } };
        LegacyLayout.Write(_dir.File("cloud.db"), old, gw1);
        var logger = new Logger();
        await using var store = new LiteDbStore(_dir.Path);

        using var converter = Converter(store, logger, LegacyReadingsConversion.DefaultChunkSize);
        await RunToEndAsync(converter);
        var stored = await QueryAsync(store, Gateways);
        var again = await new LiteTelemetryStore(store).AppendReadingsAsync(old, None);
        var registry = await new LiteDeviceRegistry(store).GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(old.OrderBy(r => r.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Timestamp).ThenBy(r => r.Seq)));
            Assert.That(again, Is.EqualTo(new AppendResult(0, old.Count)), "the ledgers hold every converted reading");
            Assert.That(store.Database.CollectionExists(LegacyReadingsConversion.Legacy), Is.False);
            Assert.That(store.Database.GetCollection(LegacyReadingsConversion.Meta).FindById(LegacyReadingsConversion.CursorId), Is.Null);
            Assert.That(store.Database.GetCollection(LiteDbStore.ReadingBlocks).Count(), Is.EqualTo(6), "gw-1: 2 messages x 2 hours; gw-2, gw-3: one each");
            Assert.That(registry!.Channels["mains"], Is.EqualTo(new ChannelValue(1, T0, Quality.Good, 40)), "a row of the old layout still reads, after the ledger was added to it");
            Assert.That((registry.Firmware, registry.LastSeen), Is.EqualTo(("1.4.2", (DateTimeOffset?)T0.AddHours(1))));
            Assert.That(logger.Ids, Does.Contain(4101).And.Contain(4103), string.Join("\n", logger.Messages));
        });
    }

    [Test]
    public async Task StoreReadings_ConversionHeldBeforeItsFirstChunk_IngestCommitsWhileOldReadingsWait()
    {
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using var held = await StartHeldBeforeFirstChunkAsync();
        var (store, converter, gate) = (held.Store, held.Converter, held.Gate);

        var live = new StoredReading("gw-9", 1, "mains", T0.AddHours(2), 230, Quality.Good, T0.AddHours(2));
        var ingested = await new LiteReadingsWriter(store).StoreReadingsAsync("gw-9", [live], T0.AddHours(2), None).WaitAsync(Deadline);
        var beforeConversion = await QueryAsync(store, ["gw-1", "gw-9"]);
        var legacyLeft = store.Database.GetCollection(LegacyReadingsConversion.Legacy).Count();
        gate.Release.SetResult();
        await converter.ExecuteTask!.WaitAsync(Deadline);

        Assert.Multiple(async () =>
        {
            Assert.That(ingested.Appended, Is.EqualTo(new AppendResult(1, 0)));
            Assert.That(beforeConversion, Is.EqualTo(new[] { live }), "live data is visible at once; old readings only once converted");
            Assert.That(legacyLeft, Is.EqualTo(old.Count), "the write did not wait for the conversion");
            Assert.That(await QueryAsync(store, [.. Gateways, "gw-9"]), Is.EquivalentTo(old.Append(live)));
        });
    }

    [Test]
    public async Task Execute_ReadingRedeliveredBeforeItsOldCopyConverted_StoredOnce()
    {
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using var held = await StartHeldBeforeFirstChunkAsync();
        var (store, converter, gate) = (held.Store, held.Converter, held.Gate);

        // gw-1's seq 5 falls in the first chunk, gw-2's seq 8 in a later one.
        var writer = new LiteReadingsWriter(store);
        var first = await writer.StoreReadingsAsync("gw-1", [old.Single(r => r is { DeviceId: "gw-1", Seq: 5 })], T0, None);
        var second = await writer.StoreReadingsAsync("gw-2", [old.Single(r => r is { DeviceId: "gw-2", Seq: 8 })], T0, None);
        gate.Release.SetResult();
        await converter.ExecuteTask!.WaitAsync(Deadline);

        var stored = await QueryAsync(store, Gateways);
        Assert.Multiple(() =>
        {
            Assert.That((first.Appended, second.Appended), Is.EqualTo((new AppendResult(1, 0), new AppendResult(1, 0))), "the ledger did not hold them yet");
            Assert.That(stored, Is.EquivalentTo(old), "each redelivered reading once, its old copy dropped as a duplicate");
        });
    }

    [Test]
    public async Task Execute_InterruptedAfterTwoChunks_NextStartResumesWithoutLossOrDuplicates()
    {
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using (var crashed = new LiteDbStore(_dir.Path))
        {
            for (var i = 0; i < 2; i++)
            {
                await crashed.Writer.WriteAsync(db => LegacyReadingsConversion.ConvertNextChunk(db, crashed.DeviceRows, chunkSize: 7), None);
            }
        }

        var logger = new Logger();
        await using var store = new LiteDbStore(_dir.Path);
        using var converter = Converter(store, logger, chunkSize: 7);
        await RunToEndAsync(converter);

        Assert.Multiple(async () =>
        {
            Assert.That(await QueryAsync(store, Gateways), Is.EquivalentTo(old));
            Assert.That(logger.Messages, Has.Some.Contains($"converting {old.Count - 14} of {old.Count} readings"));
            Assert.That(store.Database.CollectionExists(LegacyReadingsConversion.Legacy), Is.False);
        });
    }

    [Test]
    public async Task Execute_StopRequestedBetweenChunks_StopsBeforeTheNextChunkAndNextStartFinishes()
    {
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        var logger = new Logger();
        await using (var store = new LiteDbStore(_dir.Path))
        {
            var gate = new Gate(at: 1);
            using var converter = Converter(store, logger, chunkSize: 7, gate.Hook);
            await converter.StartAsync(None);
            await gate.Reached.Task.WaitAsync(Deadline);
            var stopping = converter.StopAsync(None);
            gate.Release.SetResult();
            await stopping.WaitAsync(Deadline);

            Assert.Multiple(async () =>
            {
                Assert.That(converter.ExecuteTask!.IsCompleted, Is.True);
                Assert.That(store.Database.GetCollection(LegacyReadingsConversion.Legacy).Count(), Is.EqualTo(old.Count - 7), "one chunk, no more");
                Assert.That(await QueryAsync(store, Gateways), Has.Count.EqualTo(7));
                Assert.That(logger.Ids, Does.Contain(4104).And.Not.Contain(4103));
            });
        }

        await using var reopened = new LiteDbStore(_dir.Path);
        using var resumed = Converter(reopened, logger, chunkSize: 7);
        await RunToEndAsync(resumed);
        Assert.That(await QueryAsync(reopened, Gateways), Is.EquivalentTo(old));
    }

    [Test]
    public async Task Execute_OldCopiesOfConvertedReadingsLeftBehind_LedgerDropsTheSecondCopy()
    {
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using (var store = new LiteDbStore(_dir.Path))
        {
            await store.Writer.WriteAsync(db => LegacyReadingsConversion.ConvertNextChunk(db, store.DeviceRows, chunkSize: 30), None);
            await store.Writer.WriteAsync(
                db =>
                {
                    db.GetCollection(LegacyReadingsConversion.Meta).Delete(LegacyReadingsConversion.CursorId);
                    return db.GetCollection(LegacyReadingsConversion.Legacy).Insert(old.Take(30).Select(LegacyLayout.Document));
                },
                None);
        }

        await using var reopened = new LiteDbStore(_dir.Path);
        using var converter = Converter(reopened, new Logger(), chunkSize: 7);
        await RunToEndAsync(converter);
        Assert.That(await QueryAsync(reopened, Gateways), Is.EquivalentTo(old));
    }

    [Test]
    public async Task ConvertNextChunk_GroupRolledBackByAnotherWrite_ChunkConvertedOnceOnRetry()
    {
        // The chunk shares the store's device rows: a rolled-back group must take the ledgers it added along,
        // or the retry would take the chunk's readings for duplicates and drop them.
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using var store = new LiteDbStore(_dir.Path);
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holding = store.Writer.WriteAsync(
            _ =>
            {
                entered.Set();
                release.Wait(Deadline);
                return 0;
            },
            None);
        Assert.That(entered.Wait(Deadline), Is.True, "the writer thread never ran the holding write");
        var chunk = store.Writer.WriteAsync(db => LegacyReadingsConversion.ConvertNextChunk(db, store.DeviceRows, chunkSize: 30), None);
        var failing = store.Writer.WriteAsync<int>(_ => throw new InvalidOperationException("bad write"), None);
        release.Set();
        await holding;
        var converted = await chunk;

        using var converter = Converter(store, new Logger(), chunkSize: 7);
        await RunToEndAsync(converter);
        Assert.Multiple(async () =>
        {
            Assert.That(() => failing, Throws.InvalidOperationException);
            Assert.That(converted, Is.EqualTo(new LegacyReadingsConversion.Chunk(30, 3, 0)), "gw-1 1-20: two hours; 21-30: one; none a duplicate");
            Assert.That(await QueryAsync(store, Gateways), Is.EquivalentTo(old));
        });
    }

    [Test]
    public async Task Execute_NewFile_NothingLoggedOrWritten()
    {
        var logger = new Logger();
        await using var store = new LiteDbStore(_dir.Path);
        using var converter = Converter(store, logger, LegacyReadingsConversion.DefaultChunkSize);
        await RunToEndAsync(converter);

        Assert.Multiple(() =>
        {
            Assert.That(logger.Ids, Is.Empty);
            Assert.That(store.Database.CollectionExists(LegacyReadingsConversion.Meta), Is.False);
        });
    }

    [Test]
    public async Task Execute_TwentyThousandReadings_ConvertedInChunksOfAThousandEachTimed()
    {
        var old = LegacyLayout.Many(devices: 20, perDevice: 1_000);
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using var store = new LiteDbStore(_dir.Path);
        var times = new List<TimeSpan>();
        var last = Stopwatch.GetTimestamp();
        using var converter = Converter(store, new Logger(), LegacyReadingsConversion.DefaultChunkSize, (index, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            if (index > 0)
            {
                times.Add(Stopwatch.GetElapsedTime(last, now));
            }

            last = now;
            return Task.CompletedTask;
        });
        await RunToEndAsync(converter);

        var ordered = times.Order().ToList();
        TestContext.Out.WriteLine(
            $"chunk of {LegacyReadingsConversion.DefaultChunkSize} readings: median {ordered[ordered.Count / 2].TotalMilliseconds:F1} ms, " +
            $"max {ordered[^1].TotalMilliseconds:F1} ms, {ordered.Count} chunks");
        var devices = old.Select(r => r.DeviceId).Distinct().ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(times, Has.Count.EqualTo(20), "20 full chunks, then the empty look-up that ends it");
            // Sorted, not Is.EquivalentTo: that compares 20,000 x 20,000 pairs.
            Assert.That((await QueryAsync(store, devices)).OrderBy(r => r.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Seq), Is.EqualTo(old));
        });
    }

    [Test]
    public async Task AddStorage_CloudStartedOnOldLayoutFile_ConvertedByItsHostedService()
    {
        var old = LegacyLayout.Readings();
        LegacyLayout.Write(_dir.File("cloud.db"), old);
        await using var cloud = await CloudHost.StartEmbeddedAsync(_dir.Path);

        var converter = cloud.Services.GetServices<IHostedService>().OfType<LegacyReadingsConverter>().Single();
        await converter.ExecuteTask!.WaitAsync(Deadline);
        Assert.That(await QueryAsync(cloud.Services.GetRequiredService<LiteDbStore>(), Gateways), Is.EquivalentTo(old));
    }

    /// <summary>A store on the old file in the test folder, its converter started and held before its first chunk (chunks of 7).</summary>
    private async Task<HeldConversion> StartHeldBeforeFirstChunkAsync()
    {
        var store = new LiteDbStore(_dir.Path);
        var gate = new Gate(at: 0);
        var converter = Converter(store, new Logger(), chunkSize: 7, gate.Hook);
        await converter.StartAsync(None);
        await gate.Reached.Task.WaitAsync(Deadline);
        return new HeldConversion(store, converter, gate);
    }

    private static LegacyReadingsConverter Converter(LiteDbStore store, Logger logger, int chunkSize, Func<int, CancellationToken, Task>? beforeChunk = null) =>
        new(store, logger, new FakeTimeProvider(), chunkSize, beforeChunk);

    private static async Task RunToEndAsync(LegacyReadingsConverter converter)
    {
        await converter.StartAsync(None);
        await converter.ExecuteTask!.WaitAsync(Deadline);
    }

    private static async Task<List<StoredReading>> QueryAsync(LiteDbStore store, IEnumerable<string> devices)
    {
        var telemetry = new LiteTelemetryStore(store);
        var stored = new List<StoredReading>();
        foreach (var device in devices)
        {
            stored.AddRange(await telemetry.QueryReadingsAsync(new TelemetryQuery(device, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10_000), None));
        }

        return stored;
    }

    /// <summary>Holds the conversion before the chunk of index <paramref name="at"/> until released.</summary>
    private sealed record HeldConversion(LiteDbStore Store, LegacyReadingsConverter Converter, Gate Gate) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Converter.Dispose();
            await Store.DisposeAsync();
        }
    }

    private sealed class Gate(int at)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Hook(int index, CancellationToken cancellationToken)
        {
            if (index == at)
            {
                Reached.TrySetResult();
                await Release.Task;
            }
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly ConcurrentQueue<(int Id, string Message)> _entries = new();

        public IReadOnlyList<int> Ids => _entries.Select(e => e.Id).ToList();

        public IReadOnlyList<string> Messages => _entries.Select(e => e.Message).ToList();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((eventId.Id, formatter(state, exception) + exception));
    }
}
