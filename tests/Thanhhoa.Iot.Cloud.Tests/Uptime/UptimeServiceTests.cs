using Thanhhoa.Iot.Contracts.Messages;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Cloud.Tests.Uptime.ScriptedHistory;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

/// <summary>
/// The scripted day played through the real ingest pipeline into LiteDB, on a FakeTimeProvider: births and deaths
/// arrive when they happen, the events buffered during the 06:00–08:00 link gap arrive after the 08:00 birth.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class UptimeServiceTests
{
    private const string Device = "gw-0001";
    private const string Site = "th-0001";

    [Test]
    public async Task TimelineAsync_ScriptedDayIngestedLive_IntervalsAndFiguresEqualHandComputed()
    {
        using var dir = new TempDirectory("ledger");
        var time = new FakeTimeProvider(Day.AddHours(-1));
        await using var harness = LedgerHarness.Start(dir.Path, time);

        await PlayScriptAsync(harness, time);
        var timeline = await harness.Uptime.TimelineAsync(Site, Device, At(0), At(24), CancellationToken.None);

        Assert.That(timeline.Intervals, Is.EqualTo(ExpectedDay()));
        Assert.That(AvailabilityFigures.Of(timeline.Intervals, At(0), At(24)), Is.EqualTo(new AvailabilityFigures(55_800, 6_600, 3_000, 1_800, 19_200)));
    }

    [Test]
    public async Task TimelineAsync_AfterRestart_SameIntervalsFromStoredEvents()
    {
        using var dir = new TempDirectory("ledger");
        var time = new FakeTimeProvider(Day.AddHours(-1));
        await using (var first = LedgerHarness.Start(dir.Path, time))
        {
            await PlayScriptAsync(first, time);
        }

        time.Advance(TimeSpan.FromHours(2));
        await using var restarted = LedgerHarness.Start(dir.Path, time);
        var timeline = await restarted.Uptime.TimelineAsync(Site, Device, At(0), At(24), CancellationToken.None);

        Assert.That(timeline.Intervals, Is.EqualTo(ExpectedDay()));
    }

    [Test]
    public async Task TimelineAsync_RangeReachingNow_ClippedToNowAndOutageOngoing()
    {
        using var dir = new TempDirectory("ledger");
        var time = new FakeTimeProvider(At(0));
        await using var harness = LedgerHarness.Start(dir.Path, time);
        await harness.BirthAsync(Device, 1, Site, At(0));
        time.SetUtcNow(At(1));
        await harness.EventAsync(Device, new LedgerEvent(At(1), 1, AlarmCodes.OnBattery, Contracts.Messages.EventAction.Raise));
        time.SetUtcNow(At(1, 30));

        var timeline = await harness.Uptime.TimelineAsync(Site, Device, At(0), At(24), CancellationToken.None);

        Assert.That(timeline.To, Is.EqualTo(At(1, 30)));
        Assert.That(timeline.Outages.Single().End, Is.Null);
        Assert.That(timeline.Intervals[^1], Is.EqualTo(new PowerInterval(At(1), At(1, 30), PowerState.Battery, AlarmCodes.OnBattery)));
    }

    /// <summary>Feeds <see cref="ScriptedHistory"/> through ingest in the order a real gateway and broker would deliver it.</summary>
    private static async Task PlayScriptAsync(LedgerHarness harness, FakeTimeProvider time)
    {
        var input = Input();
        var live = input.Events.Where(e => e.Seq < 100).ToList();
        var buffered = input.Events.Where(e => e.Seq >= 100).ToList();
        await harness.BirthAsync(Device, 1, Site, time.GetUtcNow());
        foreach (var e in live.Where(e => e.Timestamp < At(6)))
        {
            time.SetUtcNow(e.Timestamp);
            await harness.EventAsync(Device, e);
        }

        time.SetUtcNow(At(6));
        await harness.DeathAsync(Device, 1, At(6));
        time.SetUtcNow(At(8));
        await harness.BirthAsync(Device, 2, Site, At(8));
        await harness.ReadingsAsync(Device, input.Observations.Select((o, i) => (200L + i, o.Start, 49.0)).ToList());
        foreach (var e in buffered)
        {
            await harness.EventAsync(Device, e);
        }

        foreach (var e in live.Where(e => e.Timestamp >= At(6)))
        {
            time.SetUtcNow(e.Timestamp);
            await harness.EventAsync(Device, e);
        }

        time.SetUtcNow(At(20));
        await harness.DeathAsync(Device, 2, At(20));
        time.SetUtcNow(At(24));
    }
}
