using NUnit.Framework;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport.Storage;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxFaultTests
{
    [Test]
    public async Task AppendReadingsAsync_DiskFull_FailsClearlyKeepsStoredRowsAndRecoversWhenSpaceReturns()
    {
        var disk = new SimulatedDisk();
        using var outbox = Create(Options("unused"), new SimulatedOutboxStorage(disk));
        var stored = await outbox.AppendReadingsAsync(Readings(20), CancellationToken.None);
        disk.CapacityBytes = outbox.GetStatus().UsedBytes + 8192;

        OutboxWriteException? failure = null;
        for (var i = 0; i < 50 && failure is null; i++)
        {
            try
            {
                stored = [.. stored, .. await outbox.AppendReadingsAsync(Readings(200, i * 200), CancellationToken.None)];
            }
            catch (OutboxWriteException e)
            {
                failure = e;
            }
        }

        Assert.That(failure, Is.Not.Null, "an append that cannot be stored must fail");
        Assert.That(failure!.Message, Does.Contain("No space left on device").And.Contain("Nothing of this request was stored"));
        Assert.That(outbox.GetStatus().FailedWrites, Is.GreaterThanOrEqualTo(1));
        Assert.That(outbox.PeekReadings(int.MaxValue).Select(r => r.Seq), Is.SupersetOf(stored));

        // LiteDB leaves the failed transaction to a finalizer that would throw and kill the process.
        GC.Collect();
        GC.WaitForPendingFinalizers();

        disk.CapacityBytes = null;
        var next = await outbox.AppendReadingsAsync(Readings(1), CancellationToken.None);
        Assert.That(next[0], Is.GreaterThan(stored[^1]));
        Assert.That(outbox.PeekReadings(int.MaxValue).Select(r => r.Seq), Is.SupersetOf(stored.Append(next[0])));
    }

    [Test]
    public async Task AppendEventAsync_FsyncFails_TaskFailsAndOutboxKeepsRunning()
    {
        var disk = new SimulatedDisk();
        using var outbox = Create(Options("unused"), new SimulatedOutboxStorage(disk));
        var before = await outbox.AppendEventAsync(Event(), CancellationToken.None);
        disk.FailingSyncs = 1;

        Assert.That(async () => await outbox.AppendEventAsync(Event("door_open"), CancellationToken.None),
            Throws.InstanceOf<OutboxWriteException>().With.Message.Contains("Input/output error"));

        var after = await outbox.AppendEventAsync(Event("door_open"), CancellationToken.None);
        Assert.That(after, Is.GreaterThan(before + 1), "the failed append's number is never given again");
        Assert.That(outbox.PeekEvents(10).Select(e => e.Seq), Does.Contain(before).And.Contain(after));
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Test]
    public async Task AcknowledgeAsync_FsyncFails_TaskFails()
    {
        var disk = new SimulatedDisk();
        using var outbox = Create(Options("unused"), new SimulatedOutboxStorage(disk));
        var seqs = await outbox.AppendReadingsAsync(Readings(3), CancellationToken.None);
        disk.FailingSyncs = 1;

        Assert.That(async () => await outbox.AcknowledgeAsync(seqs, CancellationToken.None), Throws.InstanceOf<OutboxWriteException>());
        await outbox.AcknowledgeAsync(seqs, CancellationToken.None);
        Assert.That(outbox.PeekReadings(10), Is.Empty);
    }

    [Test]
    public void AppendReadingsAsync_CancelledBeforeTheWriterTakesIt_IsCancelledAndNotStored()
    {
        var disk = new SimulatedDisk();
        using var outbox = Create(Options("unused"), new SimulatedOutboxStorage(disk));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(async () => await outbox.AppendReadingsAsync(Readings(1), cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(outbox.GetStatus().PendingReadings, Is.Zero);
    }
}
