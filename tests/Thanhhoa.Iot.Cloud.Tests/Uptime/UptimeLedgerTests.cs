using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;
using static Thanhhoa.Iot.Cloud.Tests.Uptime.ScriptedHistory;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

[TestFixture]
[Category("Unit")]
public sealed class UptimeLedgerTests
{
    [Test]
    public void Build_ScriptedDay_IntervalsEqualHandComputed()
    {
        var timeline = UptimeLedger.Build("th-0001", Input(), At(0), At(24), MaxSilence, ongoing: true);

        Assert.That(timeline.Intervals, Is.EqualTo(ExpectedDay()));
    }

    [Test]
    public void Build_ScriptedDay_AvailabilityExcludesOfflineTimeFromUpAndDown()
    {
        var timeline = UptimeLedger.Build("th-0001", Input(), At(0), At(24), MaxSilence, ongoing: true);

        var figures = AvailabilityFigures.Of(timeline.Intervals, At(0), At(24));

        // Mains 2h + 2h + 11.5h; battery 10+60+10+30 min; generator 50 min; down 30 min; unknown 80 min + 4 h.
        Assert.That(figures, Is.EqualTo(new AvailabilityFigures(55_800, 6_600, 3_000, 1_800, 19_200)));
        Assert.That(figures.Availability, Is.EqualTo(65_400.0 / 67_200.0));
        Assert.That(figures.UnknownShare, Is.EqualTo(19_200.0 / 86_400.0));
    }

    [Test]
    public void Build_EventsInAnyArrivalOrder_SameTimeline()
    {
        var input = Input();
        var shuffled = input with { Events = input.Events.Reverse().ToList(), Observations = input.Observations.Reverse().ToList() };

        var timeline = UptimeLedger.Build("th-0001", shuffled, At(0), At(24), MaxSilence, ongoing: true);

        Assert.That(timeline.Intervals, Is.EqualTo(ExpectedDay()));
    }

    [Test]
    public void Build_BufferedEventsNotYetArrived_GapIsUnknownAndStateAfterItIsMains()
    {
        var input = Input();
        var beforeUpload = input with { Events = input.Events.Where(e => e.Seq < 100).ToList(), Observations = [] };

        var timeline = UptimeLedger.Build("th-0001", beforeUpload, At(4, 30), At(9, 0), MaxSilence, ongoing: false);

        Assert.That(timeline.Intervals, Is.EqualTo(new PowerInterval[]
        {
            new(At(4, 30), At(6, 0), PowerState.Mains, null),
            new(At(6, 0), At(8, 0), PowerState.Unknown, null),
            new(At(8, 0), At(9, 0), PowerState.Mains, null),
        }));
    }

    [Test]
    public void Build_RangeStartsInsideAnOutage_EventsBeforeTheRangeSetTheState()
    {
        var timeline = UptimeLedger.Build("th-0001", Input(), At(2, 30), At(3, 30), MaxSilence, ongoing: false);

        Assert.That(timeline.Intervals, Is.EqualTo(new PowerInterval[]
        {
            new(At(2, 30), At(3, 0), PowerState.Generator, AlarmCodes.MainsFail),
            new(At(3, 0), At(3, 30), PowerState.Battery, AlarmCodes.MainsFail),
        }));
    }

    [Test]
    public void Build_SiteDownRaisedThenContactLost_OnlyTheObservedPartCountsAsDown()
    {
        var events = new List<LedgerEvent>
        {
            new(At(1, 0), 1, AlarmCodes.MainsFail, EventAction.Raise),
            new(At(2, 0), 2, AlarmCodes.SiteDown, EventAction.Raise),
            new(At(5, 0), 3, AlarmCodes.SiteDown, EventAction.Clear),
            new(At(5, 0), 4, AlarmCodes.MainsFail, EventAction.Clear),
        };
        var links = new List<LinkChange> { new(At(0, 0), true), new(At(2, 1), false), new(At(4, 58), true) };
        var input = new LedgerInput(events, links, []);

        var figures = AvailabilityFigures.Of(UptimeLedger.Build("s", input, At(0), At(6), MaxSilence, false).Intervals, At(0), At(6));

        // Down only 02:00–02:01 and 04:58–05:00: the 2 h 57 min without contact are unknown, not down.
        Assert.That(figures.DownSeconds, Is.EqualTo(180));
        Assert.That(figures.UnknownSeconds, Is.EqualTo(((4 * 60) + 58 - 121) * 60));
    }

    [Test]
    public void Build_LinkGapFullyCoveredByBufferedReadings_NoUnknownTime()
    {
        var links = new List<LinkChange> { new(At(0, 0), true), new(At(1, 0), false), new(At(1, 30), true) };
        var observations = Enumerable.Range(0, 31).Select(m => ObservedSpan.At(At(1, 0).AddMinutes(m).AddSeconds(5))).ToList();

        var timeline = UptimeLedger.Build("s", new LedgerInput([], links, observations), At(0), At(2), MaxSilence, false);

        Assert.That(timeline.Intervals, Is.EqualTo(new PowerInterval[] { new(At(0), At(2), PowerState.Mains, null) }));
    }

    [Test]
    public void Build_LinkGapCoveredByOneLongObservedSpan_OnlyTheUncoveredTailIsUnknown()
    {
        var links = new List<LinkChange> { new(At(0, 0), true), new(At(1, 0), false), new(At(3, 0), true) };
        var observed = new List<ObservedSpan> { new(At(1, 1), At(2, 0)) };

        var timeline = UptimeLedger.Build("s", new LedgerInput([], links, observed), At(0), At(4), MaxSilence, false);

        Assert.That(timeline.Intervals, Is.EqualTo(new PowerInterval[]
        {
            new(At(0), At(2), PowerState.Mains, null),
            new(At(2), At(3), PowerState.Unknown, null),
            new(At(3), At(4), PowerState.Mains, null),
        }));
    }

    [Test]
    public void FromInstants_ReadingsWithAGap_TwoSpans()
    {
        var spans = ObservedSpan.FromInstants([At(1, 3), At(1, 0), At(1, 1), At(2, 0)], MaxSilence);

        Assert.That(spans, Is.EqualTo(new[] { new ObservedSpan(At(1, 0), At(1, 3)), ObservedSpan.At(At(2, 0)) }));
    }

    [Test]
    public void Build_NeverSeenGateway_AllUnknownAndNoAvailability()
    {
        var timeline = UptimeLedger.Build("s", LedgerInput.Empty, At(0), At(24), MaxSilence, true);
        var figures = AvailabilityFigures.Of(timeline.Intervals, At(0), At(24));

        Assert.That(timeline.Intervals, Is.EqualTo(new PowerInterval[] { new(At(0), At(24), PowerState.Unknown, null) }));
        Assert.That((figures.Availability, figures.UnknownShare), Is.EqualTo(((double?)null, (double?)1.0)));
    }

    [Test]
    public void Build_ScriptedDay_OutagesWithStartEndDurationCauseAndUnknownPart()
    {
        var timeline = UptimeLedger.Build("th-0001", Input(), At(0), At(24), MaxSilence, ongoing: true);

        Assert.That(timeline.Outages, Is.EqualTo(new Outage[]
        {
            new("th-0001", OutageKind.MainsLoss, At(2, 0), At(4, 30), 9_000, AlarmCodes.MainsFail, 0),
            new("th-0001", OutageKind.SiteDown, At(4, 0), At(4, 30), 1_800, AlarmCodes.MainsFail, 0),
            new("th-0001", OutageKind.MainsLoss, At(6, 30), At(8, 30), 7_200, AlarmCodes.MainsFail, 4_800),
        }));
    }

    [Test]
    public void Build_OutageStillGoingAtNow_HasNoEnd()
    {
        var events = new List<LedgerEvent> { new(At(23, 0), 1, AlarmCodes.OnBattery, EventAction.Raise) };
        var links = new List<LinkChange> { new(At(0), true) };

        var timeline = UptimeLedger.Build("s", new LedgerInput(events, links, []), At(0), At(24), MaxSilence, ongoing: true);

        Assert.That(timeline.Outages.Single(), Is.EqualTo(new Outage("s", OutageKind.MainsLoss, At(23), null, 3_600, AlarmCodes.OnBattery, 0)));
    }

    [Test]
    public void Build_GeneratorTestRunWithMainsPresent_StaysOnMains()
    {
        var events = new List<LedgerEvent>
        {
            new(At(1), 1, AlarmCodes.GeneratorRunning, EventAction.Raise),
            new(At(2), 2, AlarmCodes.GeneratorRunning, EventAction.Clear),
        };
        var input = new LedgerInput(events, [new LinkChange(At(0), true)], []);

        var timeline = UptimeLedger.Build("s", input, At(0), At(3), MaxSilence, false);

        Assert.That(timeline.Intervals, Is.EqualTo(new PowerInterval[] { new(At(0), At(3), PowerState.Mains, null) }));
    }

    [Test]
    public void Sum_TwoSites_AreaAvailabilityIsTimeWeighted()
    {
        var a = new AvailabilityFigures(3_600, 0, 0, 0, 0);
        var b = new AvailabilityFigures(1_800, 0, 0, 1_800, 3_600);

        var area = AvailabilityFigures.Sum([a, b]);

        Assert.That((area.Availability, area.UnknownShare), Is.EqualTo(((double?)0.75, (double?)(3_600.0 / 10_800.0))));
    }
}
