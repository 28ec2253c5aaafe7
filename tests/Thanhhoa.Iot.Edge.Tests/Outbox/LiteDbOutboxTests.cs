using NUnit.Framework;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Storage;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("thiot-outbox");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task AppendReadingsAsync_AcrossReopen_SequenceNumbersAscendAndNeverRepeat()
    {
        var all = new List<long>();
        for (var run = 0; run < 3; run++)
        {
            using var outbox = Create(Options(_dir.Path));
            all.AddRange(await outbox.AppendReadingsAsync(Readings(5), CancellationToken.None));
            all.Add(await outbox.AppendEventAsync(Event(), CancellationToken.None));
            all.AddRange(await outbox.AppendReadingsAsync(Readings(3), CancellationToken.None));
        }

        Assert.That(all, Is.Ordered.Ascending.And.Unique);
        Assert.That(all, Has.Count.EqualTo(27));
        Assert.That(all[0], Is.EqualTo(1));
    }

    [Test]
    public async Task AppendReadingsAsync_AllAcknowledgedThenReopened_NumberingContinuesAboveHighWaterMark()
    {
        IReadOnlyList<long> first;
        using (var outbox = Create(Options(_dir.Path)))
        {
            first = await outbox.AppendReadingsAsync(Readings(10), CancellationToken.None);
            await outbox.AcknowledgeAsync(first, CancellationToken.None);
            Assert.That(outbox.GetStatus().PendingReadings, Is.Zero);
        }

        using var reopened = Create(Options(_dir.Path));
        var next = await reopened.AppendReadingsAsync(Readings(1), CancellationToken.None);

        Assert.That(next[0], Is.EqualTo(first[^1] + 1));
        Assert.That(reopened.GetStatus().LastSequence, Is.EqualTo(first[^1] + 1));
    }

    [Test]
    public async Task PeekReadings_InterleavedAppends_OldestFirstBySequenceWithValues()
    {
        using var outbox = Create(Options(_dir.Path));
        var a = await outbox.AppendReadingsAsync(Readings(3), CancellationToken.None);
        var e = await outbox.AppendEventAsync(Event(), CancellationToken.None);
        var b = await outbox.AppendReadingsAsync(Readings(2, offset: 3), CancellationToken.None);

        var readings = outbox.PeekReadings(4);
        var events = outbox.PeekEvents(10);

        Assert.That(readings.Select(r => r.Seq), Is.EqualTo(a.Concat(b.Take(1))));
        Assert.That(readings[1].Channel, Is.EqualTo("battery_v"));
        Assert.That(readings[1].Timestamp, Is.EqualTo(Reading(1).Timestamp));
        Assert.That(readings[1].Value, Is.EqualTo(Reading(1).Value));
        Assert.That(events.Single().Seq, Is.EqualTo(e));
        Assert.That(events.Single().Code, Is.EqualTo("mains_fail"));
        Assert.That(events.Single().Values!["battery_v"], Is.EqualTo(51.2));
        Assert.That(events.Single().Channel, Is.EqualTo("mains"));
    }

    [Test]
    public async Task AcknowledgeAsync_StoredAndUnknownSequences_RemovesStoredIgnoresUnknown()
    {
        using var outbox = Create(Options(_dir.Path));
        var readings = await outbox.AppendReadingsAsync(Readings(4), CancellationToken.None);
        var ev = await outbox.AppendEventAsync(Event(), CancellationToken.None);

        await outbox.AcknowledgeAsync([readings[0], readings[2], ev, 9999], CancellationToken.None);

        Assert.That(outbox.PeekReadings(10).Select(r => r.Seq), Is.EqualTo(new[] { readings[1], readings[3] }));
        Assert.That(outbox.PeekEvents(10), Is.Empty);
        Assert.That(outbox.GetStatus(), Has.Property(nameof(OutboxStatus.PendingReadings)).EqualTo(2).And.Property(nameof(OutboxStatus.PendingEvents)).EqualTo(0));
    }

    [Test]
    public async Task AcknowledgeAsync_ThenReopen_RemovedRowsStayRemoved()
    {
        using (var outbox = Create(Options(_dir.Path)))
        {
            var seqs = await outbox.AppendReadingsAsync(Readings(6), CancellationToken.None);
            await outbox.AcknowledgeAsync(seqs.Take(4).ToArray(), CancellationToken.None);
        }

        using var reopened = Create(Options(_dir.Path));
        Assert.That(reopened.PeekReadings(10).Select(r => r.Seq), Is.EqualTo(new long[] { 5, 6 }));
        Assert.That(reopened.GetStatus().PendingReadings, Is.EqualTo(2));
    }

    [Test]
    public async Task AppendReadingsAsync_ManyConcurrentTasks_DistinctSequencesAllDurableInFewerSyncs()
    {
        var disk = new SimulatedDisk();
        const int Tasks = 32;
        const int AppendsPerTask = 20;
        IReadOnlyList<long>[] results;
        int syncsForAppends;
        using (var outbox = Create(Options("unused"), new SimulatedOutboxStorage(disk)))
        {
            var syncsBefore = disk.SyncCount;
            using var go = new ManualResetEventSlim();
            var appenders = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
            {
                go.Wait();
                var mine = new List<long>();
                for (var i = 0; i < AppendsPerTask; i++)
                {
                    mine.AddRange(await outbox.AppendReadingsAsync([Reading(i, $"ch{t}")], CancellationToken.None));
                }

                return (IReadOnlyList<long>)mine;
            })).ToArray();
            go.Set();
            results = await Task.WhenAll(appenders);
            syncsForAppends = disk.SyncCount - syncsBefore;
        }

        var all = results.SelectMany(r => r).ToList();
        Assert.That(all, Has.Count.EqualTo(Tasks * AppendsPerTask).And.Unique);
        Assert.That(syncsForAppends, Is.LessThan(Tasks * AppendsPerTask), "appends waiting together must share an fsync (group commit)");

        // Durable means: present after the power goes out without any further flush.
        disk.CutPower(new Random(1), tornWrites: false);
        disk.PowerOn();
        using var reopened = Create(Options("unused"), new SimulatedOutboxStorage(disk));
        Assert.That(StoredSequences(reopened), Is.SupersetOf(all));
    }

    [Test]
    public async Task WaitForPendingAsync_EmptyOutbox_CompletesOnlyAfterAnAppend()
    {
        using var outbox = Create(Options(_dir.Path));
        var wait = outbox.WaitForPendingAsync(CancellationToken.None);
        Assert.That(wait.IsCompleted, Is.False);

        await outbox.AppendEventAsync(Event(), CancellationToken.None);

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(outbox.WaitForPendingAsync(CancellationToken.None).IsCompleted, Is.True, "pending rows: completes at once");
    }

    [Test]
    public async Task WaitForPendingAsync_Cancelled_Throws()
    {
        using var outbox = Create(Options(_dir.Path));
        using var cts = new CancellationTokenSource();
        var wait = outbox.WaitForPendingAsync(cts.Token);
        await cts.CancelAsync();
        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void AppendReadingsAsync_NonFiniteValue_RejectedBeforeNumbering()
    {
        using var outbox = Create(Options(_dir.Path));
        var bad = Reading(1) with { Value = double.NaN };
        Assert.That(async () => await outbox.AppendReadingsAsync([bad], CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("battery_v").And.Message.Contains("finite"));
        Assert.That(outbox.GetStatus().LastSequence, Is.Zero);
    }

    [Test]
    public async Task Dispose_ThenAppend_ThrowsObjectDisposed()
    {
        var outbox = Create(Options(_dir.Path));
        await outbox.AppendReadingsAsync(Readings(1), CancellationToken.None);
        outbox.Dispose();
        Assert.That(async () => await outbox.AppendReadingsAsync(Readings(1), CancellationToken.None), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void Constructor_FileHeldByAnotherOutbox_FailsNamingTheFile()
    {
        using var first = Create(Options(_dir.Path));
        Assert.That(() => Create(Options(_dir.Path)), Throws.InstanceOf<IOException>().With.Message.Contains(_dir.File("outbox.db")));
    }
}
