using LiteDB;
using LiteDB.Engine;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport.Storage;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>
/// Acceptance: appends acknowledged as stored survive power cuts at random points, including torn
/// writes, and numbering never goes back. The other tests show the harness is honest: it catches the
/// loss when the flushes do not reach the disk.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxPowerCutTests
{
    private static int Cycles => int.TryParse(Environment.GetEnvironmentVariable("THIOT_POWERCUT_CYCLES"), out var n) && n > 0 ? n : 200;

    [Test]
    public void AppendReadingsAsync_PowerCutAtRandomPoints_EveryStoredRowSurvivesAndNumbersNeverRepeat()
    {
        var disk = new SimulatedDisk();
        var seed = Environment.TickCount;
        var report = new PowerCutHarness(disk, durable: true, seed).Run(Cycles);

        Assert.That(report.Failures, Is.Empty, $"seed {seed}: {report}");
        Assert.That(report.Cycles, Is.EqualTo(Cycles));
        Assert.That(disk.PowerCuts, Is.EqualTo(Cycles));
    }

    [Test]
    public void AppendReadingsAsync_PowerCutWithoutDurableFlush_HarnessFindsLostRows()
    {
        // Same outbox, same harness, but Flush only reaches the volatile cache (a plain FileStream under LiteDB).
        var report = new PowerCutHarness(new SimulatedDisk(), durable: false, seed: 7).Run(20);

        Assert.That(report.Failures, Is.Not.Empty, "without fsync, rows acknowledged as stored must be lost on a power cut");
    }

    [Test]
    public void LiteEngineCommit_OnSyncingStreams_DoesNotMakeCommitDurable()
    {
        // LiteDB 5.0.21 writes the log on commit but never flushes it; only checkpoints flush. Hence the
        // outbox's explicit fsync after each commit: streams whose Flush syncs are not enough alone.
        var disk = new SimulatedDisk();
        var storage = new SimulatedOutboxStorage(disk, durable: true);
        var committed = new List<long>();
        using (var streams = storage.Open())
        using (var engine = new LiteEngine(new EngineSettings { DataStream = streams.Data, LogStream = streams.Log }))
        {
            for (long id = 1; id <= 20; id++)
            {
                engine.Insert("r", [new BsonDocument { ["_id"] = id }], BsonAutoId.Int64);
                committed.Add(id);
            }

            disk.CutPower(new Random(3), tornWrites: false);
        }

        disk.PowerOn();
        using var reopened = storage.Open();
        using var after = new LiteEngine(new EngineSettings { DataStream = reopened.Data, LogStream = reopened.Log });
        using var reader = after.Query("r", new Query());
        var found = 0;
        while (reader.Read())
        {
            found++;
        }

        Assert.That(found, Is.LessThan(committed.Count));
    }

    [Test]
    public async Task AppendReadingsAsync_AfterPowerCut_ReopensAndContinuesAboveEveryStoredNumber()
    {
        var disk = new SimulatedDisk();
        IReadOnlyList<long> stored;
        using (var outbox = Create(Options("unused"), new SimulatedOutboxStorage(disk)))
        {
            stored = await outbox.AppendReadingsAsync(Readings(50), CancellationToken.None);
            await outbox.AcknowledgeAsync(stored, CancellationToken.None);
            disk.CutPower(new Random(5));
        }

        disk.PowerOn();
        using var reopened = Create(Options("unused"), new SimulatedOutboxStorage(disk));
        var next = await reopened.AppendReadingsAsync(Readings(1), CancellationToken.None);

        Assert.That(next[0], Is.GreaterThan(stored[^1]));
        Assert.That(reopened.PeekReadings(100).Select(r => r.Seq), Is.EqualTo(next));
    }
}
