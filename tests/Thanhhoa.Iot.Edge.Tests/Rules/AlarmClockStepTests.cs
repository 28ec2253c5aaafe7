using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.Edge.Tests.Sensing;
using Thanhhoa.Iot.Edge.Tests.Timekeeping;

namespace Thanhhoa.Iot.Edge.Tests.Rules;

/// <summary>
/// A Raspberry Pi's wall clock is stepped (NTP after boot, a technician setting the date) while an alarm's
/// debounce is pending: the debounce runs on elapsed time, so the alarm is neither early nor late, and the
/// event carries the wall time of the moment it was raised.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class AlarmClockStepTests
{
    private static readonly DateTimeOffset Boot = new(1970, 1, 1, 0, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Real = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task MainsFail_WallClockSetForwardYearsDuringTheDebounce_RaisedAfterTheDebounceNotAtOnce()
    {
        var clock = new SteppableClock(Boot);
        var outbox = new RecordingOutbox();
        using var engine = Engine(clock, outbox);

        await engine.ObserveAsync([Reading(clock, 0)], CancellationToken.None); // mains lost: 5 s debounce starts
        clock.SetWall(Real);                                                       // NTP steps the clock by decades
        clock.Advance(TimeSpan.FromSeconds(1));
        await engine.ObserveAsync([Reading(clock, 0)], CancellationToken.None);
        var afterOneSecond = outbox.Events.Count;
        clock.Advance(TimeSpan.FromSeconds(4));                                    // the engine's timer fires at the deadline

        Assert.Multiple(() =>
        {
            Assert.That(afterOneSecond, Is.Zero, "1 s into a 5 s debounce, whatever the wall clock says");
            Assert.That(MainsFail(outbox).Select(e => e.Action), Is.EqualTo(new[] { EventAction.Raise }));
            Assert.That(MainsFail(outbox).Single().Timestamp, Is.EqualTo(Real.AddSeconds(5)), "stamped with the (corrected) wall time");
        });
    }

    [Test]
    public async Task MainsFail_WallClockSetBackDuringTheDebounce_RaisedOnTimeNotAnHourLate()
    {
        var clock = new SteppableClock(Real);
        var outbox = new RecordingOutbox();
        using var engine = Engine(clock, outbox);

        await engine.ObserveAsync([Reading(clock, 0)], CancellationToken.None);
        clock.SetWall(Real.AddHours(-1)); // a technician sets the clock back an hour
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.That(MainsFail(outbox).Select(e => e.Action), Is.EqualTo(new[] { EventAction.Raise }));
    }

    private static AlarmEngine Engine(TimeProvider clock, RecordingOutbox outbox) => new(
        AlarmRuleFactory.Create(new AlarmOptions { MainsFail = new DigitalAlarmOptions { Channel = "mains", Debounce = "5s" } }, new Dictionary<string, IOutputChannel>()),
        outbox, clock, NullLogger<AlarmEngine>.Instance);

    private static IEnumerable<Thanhhoa.Iot.Edge.Outbox.EventDraft> MainsFail(RecordingOutbox outbox) => outbox.Events.Where(e => e.Code == AlarmCodes.MainsFail);

    private static SensorReading Reading(TimeProvider clock, double mains) => new("mains", clock.GetUtcNow(), mains, Quality.Good);
}
