using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Timekeeping.TimekeepingTestKit;

namespace Thanhhoa.Iot.Edge.Tests.Timekeeping;

/// <summary>Rows stored before the wall time is trusted, on a real LiteDB outbox.</summary>
[TestFixture]
[Category("Integration")]
public sealed class UntrustedTimeOutboxTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("thiot-rtc");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static SensorReading Now(SteppableClock clock, double value) => new("battery_v", clock.GetUtcNow(), value, Quality.Good);

    [Test]
    public async Task PeekReadings_StoredBeforeTheTimeWasKnown_ReanchoredToTheTrustedTime()
    {
        var clock = new SteppableClock(PiBootWall);
        var trust = Trust(clock);
        using (var outbox = OpenOutbox(_dir.Path, clock, trust))
        {
            for (var i = 0; i < 3; i++)
            {
                await outbox.AppendReadingsAsync([Now(clock, 50 + i)], None);
                await outbox.AppendEventAsync(new EventDraft(clock.GetUtcNow(), "door_open", EventAction.Raise, Severity.Warning), None);
                clock.Advance(TimeSpan.FromMinutes(1));
            }

            var before = outbox.PeekReadings(10);
            clock.Advance(TimeSpan.FromMinutes(4)); // the last reading is 5 minutes old when the time becomes known
            trust.ServerTimeReceived(Iso(RealTime));
            var corrected = await outbox.ReanchorAsync(None);

            var expected = new[] { RealTime.AddMinutes(-7), RealTime.AddMinutes(-6), RealTime.AddMinutes(-5) };
            Assert.Multiple(() =>
            {
                Assert.That(before.Select(r => r.TimeQuality), Is.All.EqualTo(TimeQuality.Unsynced), "sent before the time is known: flagged");
                Assert.That(before.Select(r => r.Timestamp), Is.EqualTo(new[] { PiBootWall, PiBootWall.AddMinutes(1), PiBootWall.AddMinutes(2) }));
                Assert.That(corrected, Is.EqualTo(6));
                Assert.That(outbox.PeekReadings(10).Select(r => (r.Timestamp, r.TimeQuality)), Is.EqualTo(expected.Select(t => (t, TimeQuality.Synced))));
                Assert.That(outbox.PeekEvents(10).Select(e => (e.Timestamp, e.TimeQuality)), Is.EqualTo(expected.Select(t => (t, TimeQuality.Synced))));
            });
        }

        // Re-anchored on disk: a restart (even in another boot, before any source answers) keeps the corrected times.
        var later = new SteppableClock(PiBootWall);
        using var reopened = OpenOutbox(_dir.Path, later, Trust(later, bootId: "boot-b"));
        Assert.That(reopened.PeekReadings(10).Select(r => (r.Timestamp, r.TimeQuality)),
            Is.EqualTo(new[] { RealTime.AddMinutes(-7), RealTime.AddMinutes(-6), RealTime.AddMinutes(-5) }.Select(t => (t, TimeQuality.Synced))));
    }

    [Test]
    public async Task PeekReadings_EarlierBootNeverTrusted_SentFlaggedWithTheirOwnTime()
    {
        var first = new SteppableClock(PiBootWall);
        using (var outbox = OpenOutbox(_dir.Path, first, Trust(first, bootId: "boot-a")))
        {
            await outbox.AppendReadingsAsync([Now(first, 51), Now(first, 52)], None);
            await outbox.AppendEventAsync(new EventDraft(first.GetUtcNow(), "mains_fail", EventAction.Raise, Severity.Critical), None);
        } // power cut before any source told the time

        var second = new SteppableClock(PiBootWall.AddSeconds(5));
        var trust = Trust(second, bootId: "boot-b");
        using var reopened = OpenOutbox(_dir.Path, second, trust);
        trust.ServerTimeReceived(Iso(RealTime));
        var corrected = await reopened.ReanchorAsync(None);
        await reopened.AppendReadingsAsync([Now(second, 53)], None);

        var readings = reopened.PeekReadings(10);
        Assert.Multiple(() =>
        {
            Assert.That(corrected, Is.Zero, "another boot's monotonic time says nothing now: not guessed");
            Assert.That(readings.Select(r => (r.Seq, r.Timestamp, r.TimeQuality)), Is.EqualTo(new[]
            {
                (1L, PiBootWall, TimeQuality.Unsynced),
                (2L, PiBootWall, TimeQuality.Unsynced),
                (4L, RealTime, TimeQuality.Synced),
            }));
            Assert.That(reopened.PeekEvents(10).Single().TimeQuality, Is.EqualTo(TimeQuality.Unsynced));
        });
    }

    [Test]
    public async Task PeekReadings_WallClockJumpsBackThenForward_SequenceOrderKeptNothingLost()
    {
        var clock = new SteppableClock(RealTime);
        var sync = new FakeSyncState { Synced = true };
        var trust = Trust(clock, sync: sync);
        trust.Refresh();
        using var outbox = OpenOutbox(_dir.Path, clock, trust);
        var walls = new[] { RealTime, RealTime.AddHours(-3), RealTime.AddDays(2), RealTime.AddHours(-1) };
        foreach (var wall in walls)
        {
            clock.SetWall(wall); // NTP steps the clock; the OS still says synchronised
            await outbox.AppendReadingsAsync([Now(clock, 1), Now(clock, 2)], None);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = outbox.PeekReadings(5);
        await outbox.AcknowledgeAsync(first.Select(r => r.Seq).ToList(), None);
        var rest = outbox.PeekReadings(100);

        Assert.Multiple(() =>
        {
            Assert.That(first.Concat(rest).Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 8).Select(i => (long)i)));
            Assert.That(first.Concat(rest).Select(r => r.Timestamp).Distinct().Count(), Is.EqualTo(4), "each reading keeps the time it was taken at");
        });
    }
}
