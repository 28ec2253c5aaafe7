using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

[TestFixture]
[Category("Integration")]
public sealed class LiteDbStoreTests : StoreTestSuite
{
    private TempDirectory _dir = null!;
    private LiteDbStore? _open;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("cloud-store");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    protected override Task<StoreSession> OpenAsync() => Task.FromResult(Open(null));

    protected override Task<IReadOnlyList<(long Lo, long Hi)>> LedgerAsync(string deviceId) =>
        Task.FromResult(DeviceDocuments.LedgerOf(_open!.Database.GetCollection(LiteDbStore.Devices).FindById(deviceId)).Ranges);

    [Test]
    public async Task Append_ConcurrentWriters_SharedCommits()
    {
        var observer = new CommitRecorder();
        await using var s = Open(observer);
        var writes = Enumerable.Range(0, 64).Select(i => s.Telemetry.AppendReadingsAsync(Readings($"gw-{i}", 1, 5), CancellationToken.None));
        await Task.WhenAll(writes);
        Assert.Multiple(() =>
        {
            Assert.That(observer.Requests, Is.EqualTo(64));
            Assert.That(observer.Commits, Is.LessThan(64), "concurrent writes should share commits (one fsync per group)");
        });
    }

    [Test]
    public async Task StoreReadings_OneMessage_ReadingsAndRegistryInOneWrite()
    {
        var observer = new CommitRecorder();
        await using var s = Open(observer);
        await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 5), TestMessages.T0, CancellationToken.None);
        var state = await s.Registry.GetAsync("gw-1", CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(observer.Requests, Is.EqualTo(1), "readings and registry row must be one write of the group, not two");
            Assert.That(state!.Channels["battery_v"].Seq, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task StoreReadings_FiftyReadingsWithinOneHour_OneBlockDocument()
    {
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        await new LiteReadingsWriter(store).StoreReadingsAsync("gw-1", Readings("gw-1", 1, 50), TestMessages.T0, CancellationToken.None);
        var blocks = store.Database.GetCollection(LiteDbStore.ReadingBlocks);
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Count(), Is.EqualTo(1));
            Assert.That(blocks.FindAll().Single()["n"].AsInt32, Is.EqualTo(50));
        });
    }

    [Test]
    public async Task StoreReadings_MessageAcrossAnHour_OneBlockPerHourAndQueryInOrder()
    {
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        var at = TestMessages.T0.AddMinutes(59).AddSeconds(30);
        var readings = Enumerable.Range(1, 60).Select(i => Reading("gw-1", i, i % 2 == 0 ? "mains" : "battery_v", at.AddSeconds(i), i)).ToList();
        await new LiteReadingsWriter(store).StoreReadingsAsync("gw-1", readings, TestMessages.T0, CancellationToken.None);
        var mains = await new LiteTelemetryStore(store).QueryReadingsAsync(
            new TelemetryQuery("gw-1", "mains", at, at.AddSeconds(40), 10), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(store.Database.GetCollection(LiteDbStore.ReadingBlocks).Count(), Is.EqualTo(2));
            Assert.That(mains.Select(r => r.Seq), Is.EqualTo(new long[] { 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 }));
        });
    }

    [Test]
    public async Task Open_ReadingBlocks_OnlyTheIdIndex()
    {
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        await new LiteTelemetryStore(store).AppendReadingsAsync(Readings("gw-1", 1, 5), CancellationToken.None);
        var indexes = store.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", LiteDbStore.ReadingBlocks)).Select(d => d["name"].AsString);
        Assert.That(indexes, Is.EqualTo(new[] { "_id" }));
    }

    [Test]
    public async Task StoreReadings_AfterRegistryUpdatesAndReopen_LedgerKept()
    {
        await using (var first = Open(null))
        {
            await first.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 10), TestMessages.T0, CancellationToken.None);
            await first.Registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Online, 1, TestMessages.T0), CancellationToken.None);
            await first.Registry.MarkAllOfflineAsync("cloud restarted", TestMessages.T0, CancellationToken.None);
            await first.Registry.TouchAsync("gw-1", TestMessages.T0, CancellationToken.None);
        }

        await using var second = Open(null);
        var again = await second.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 5, 10), TestMessages.T0, CancellationToken.None);
        Assert.That(again.Appended, Is.EqualTo(new AppendResult(4, 6)));
    }

    [Test]
    public async Task AppendEvents_BetweenReadings_LedgerStaysOneRange()
    {
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        var telemetry = new LiteTelemetryStore(store);
        for (var i = 0; i < 20; i++)
        {
            // A site that alarms between its readings: seq 3k+1..3k+2 readings, 3k+3 an event.
            await telemetry.AppendReadingsAsync(Readings("gw-1", (3 * i) + 1, 2), CancellationToken.None);
            await telemetry.AppendEventsAsync(
                [new StoredEvent("gw-1", (3 * i) + 3, TestMessages.T0, "mains_fail", EventAction.Raise, Severity.Critical, null, null, null, TestMessages.T0)],
                CancellationToken.None);
        }

        var ledger = DeviceDocuments.LedgerOf(store.Database.GetCollection(LiteDbStore.Devices).FindById("gw-1"));
        Assert.That(ledger.Ranges, Is.EqualTo(new[] { (1L, 61L) }), "readings and events share one sequence space: no gap per event");
    }

    [Test]
    public async Task RunOutsideTransaction_QueuedBetweenWrites_DropsACollectionAndTheWritesAroundItCommit()
    {
        // LiteDB refuses to drop a collection inside a transaction; the writer runs such work between two groups.
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        await store.Writer.WriteAsync(db => db.GetCollection("old").Insert(new LiteDB.BsonDocument { ["_id"] = 1 }), CancellationToken.None);
        using var release = new ManualResetEventSlim();
        var holding = HoldWriter(store, release);
        var before = store.Writer.WriteAsync(db => db.GetCollection("new").Insert(new LiteDB.BsonDocument { ["_id"] = 1 }), CancellationToken.None);
        var drop = store.Writer.RunOutsideTransactionAsync(db => db.DropCollection("old"), CancellationToken.None);
        var after = store.Writer.WriteAsync(db => db.GetCollection("new").Insert(new LiteDB.BsonDocument { ["_id"] = 2 }), CancellationToken.None);
        release.Set();
        await Task.WhenAll(holding, before, drop, after);

        Assert.Multiple(() =>
        {
            Assert.That(store.Database.CollectionExists("old"), Is.False);
            Assert.That(store.Database.GetCollection("new").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ControlWrite_QueuedBehindMoreTelemetryThanAGroupHolds_CommitsInTheNextGroupAheadOfIt()
    {
        // At saturation the telemetry queue is seconds long; a command, its result or an alarm must not wait for all of it.
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        var order = new List<string>();
        using var release = new ManualResetEventSlim();
        var holding = HoldWriter(store, release);
        var telemetry = Enumerable.Range(1, 600).Select(i => store.Writer.WriteBulkAsync(_ => { order.Add($"telemetry {i}"); return i; }, CancellationToken.None)).ToList();
        var command = store.Writer.WriteAsync(_ => { order.Add("command"); return 0; }, CancellationToken.None);
        var nextTelemetry = store.Writer.WriteBulkAsync(_ => { order.Add("telemetry 601"); return 601; }, CancellationToken.None);
        release.Set();
        await Task.WhenAll([holding, command, nextTelemetry, .. telemetry]);

        Assert.Multiple(() =>
        {
            Assert.That(order[0], Is.EqualTo("command"), "first of the next group, ahead of 600 telemetry writes queued before it");
            Assert.That(order.Skip(1), Is.EqualTo(Enumerable.Range(1, 601).Select(i => $"telemetry {i}")), "telemetry keeps its own order");
        });
    }

    [Test]
    public async Task StoreReadings_GroupRolledBackByAnotherWrite_ReadingsStoredOnRetry()
    {
        // The writer keeps device rows beside the file; a rolled-back group must not leave its ledger there,
        // or the retry of the same message would take its readings for duplicates and store nothing.
        var store = new LiteDbStore(_dir.Path);
        await using var _ = store;
        using var release = new ManualResetEventSlim();
        var holding = HoldWriter(store, release);
        var message = new LiteReadingsWriter(store).StoreReadingsAsync("gw-1", Readings("gw-1", 1, 5), TestMessages.T0, CancellationToken.None);
        var failing = store.Writer.WriteAsync<int>(_ => throw new InvalidOperationException("bad write"), CancellationToken.None);
        release.Set();
        await holding;
        var stored = await message;
        Assert.Multiple(() =>
        {
            Assert.That(() => failing, Throws.InvalidOperationException);
            Assert.That(stored.Appended, Is.EqualTo(new AppendResult(5, 0)));
            Assert.That(store.Database.GetCollection(LiteDbStore.ReadingBlocks).Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Append_StoreClosed_TaskFails()
    {
        var s = Open(null);
        await s.DisposeAsync();
        Assert.That(() => s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 1), CancellationToken.None), Throws.InstanceOf<ObjectDisposedException>());
    }

    private StoreSession Open(IStoreWriteObserver? observer)
    {
        var store = new LiteDbStore(_dir.Path, observer);
        _open = store;
        return new StoreSession(new LiteTelemetryStore(store), new LiteDeviceRegistry(store), new LiteRejectLog(store, RejectCapacity), store.DisposeAsync,
            new LiteReadingsWriter(store), new LiteControlSequenceStore(store, new FakeTimeProvider(TestMessages.T0)));
    }

    private sealed class CommitRecorder : IStoreWriteObserver
    {
        private int _commits;
        private int _requests;

        public int Commits => Volatile.Read(ref _commits);

        public int Requests => Volatile.Read(ref _requests);

        public void Committed(int requests, TimeSpan elapsed)
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _requests, requests);
        }
    }

    /// <summary>Occupies the store's writer thread until <paramref name="release"/> is set: writes queued meanwhile form the next groups.</summary>
    private static Task<int> HoldWriter(LiteDbStore store, ManualResetEventSlim release)
    {
        using var entered = new ManualResetEventSlim();
        var holding = store.Writer.WriteAsync(
            _ =>
            {
                entered.Set();
                release.Wait(TimeSpan.FromSeconds(30));
                return 0;
            },
            CancellationToken.None);
        Assert.That(entered.Wait(TimeSpan.FromSeconds(30)), Is.True, "the writer thread never ran the holding write");
        return holding;
    }
}
