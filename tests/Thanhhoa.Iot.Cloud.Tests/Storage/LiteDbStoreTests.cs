using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

[TestFixture]
[Category("Integration")]
public sealed class LiteDbStoreTests : StoreTestSuite
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("cloud-store");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    protected override Task<StoreSession> OpenAsync() => Task.FromResult(Open(null));

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
    public async Task Append_StoreClosed_TaskFails()
    {
        var s = Open(null);
        await s.DisposeAsync();
        Assert.That(() => s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 1), CancellationToken.None), Throws.InstanceOf<ObjectDisposedException>());
    }

    private StoreSession Open(IStoreWriteObserver? observer)
    {
        var store = new LiteDbStore(_dir.Path, observer);
        return new StoreSession(new LiteTelemetryStore(store), new LiteDeviceRegistry(store), new LiteRejectLog(store, RejectCapacity), store.DisposeAsync,
            new LiteReadingsWriter(store));
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
}
