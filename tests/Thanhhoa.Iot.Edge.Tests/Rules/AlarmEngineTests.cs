using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.Edge.Tests.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Rules;

[TestFixture]
[Category("Unit")]
public sealed class AlarmEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 10, 14, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private RecordingOutbox _outbox = null!;
    private AlarmEngine _engine = null!;

    [SetUp]
    public void CreateEngine() => Create(new AlarmOptions
    {
        MainsFail = new DigitalAlarmOptions { Channel = "mains", Debounce = "5s" },
        BatteryLow = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 47.0, Clear = 49.0, Debounce = "30s" },
        BatteryCritical = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 45.0, Clear = 47.5, Debounce = "10s" },
    });

    [TearDown]
    public void DisposeEngine() => _engine.Dispose();

    [Test]
    public async Task ObserveAsync_OutageThenBatterySagThenRecovery_RaisesInOrderOnceAndClearsWithHysteresis()
    {
        await Seconds(10, mains: 1, volts: 53.5);
        for (var v = 53.5; v > 46.0; v -= 0.25)
        {
            await Seconds(1, mains: 0, volts: v); // on battery: the voltage sags
        }

        await Seconds(60, mains: 0, volts: 46.2);
        var raised = Codes();
        await Seconds(10, mains: 1, volts: 46.5);  // mains back; rectifier starts charging
        await Seconds(60, mains: 1, volts: 48.0);  // inside the hysteresis band: battery_low stays
        var inBand = Codes();
        await Seconds(40, mains: 1, volts: 50.0);  // past the clear threshold

        Assert.Multiple(() =>
        {
            Assert.That(raised, Is.EqualTo(new[] { "mains_fail:raise", "on_battery:raise", "battery_low:raise" }));
            Assert.That(inBand, Is.EqualTo(new[] { "mains_fail:raise", "on_battery:raise", "battery_low:raise", "mains_fail:clear", "on_battery:clear" }));
            Assert.That(Codes(), Is.EqualTo(new[]
            {
                "mains_fail:raise", "on_battery:raise", "battery_low:raise", "mains_fail:clear", "on_battery:clear", "battery_low:clear",
            }));
        });
    }

    [Test]
    public async Task ObserveAsync_Raise_CarriesTriggeringValuesAndDebouncedTime()
    {
        await Seconds(3, mains: 1, volts: 53.0);
        await Seconds(6, mains: 0, volts: 52.9);

        var mainsFail = _outbox.Events[0];
        var onBattery = _outbox.Events[1];
        Assert.Multiple(() =>
        {
            Assert.That(mainsFail.Timestamp, Is.EqualTo(Start.AddSeconds(3 + 5)));
            Assert.That(mainsFail.Severity, Is.EqualTo(Severity.Major));
            Assert.That(mainsFail.Channel, Is.EqualTo("mains"));
            Assert.That(mainsFail.Values, Is.EqualTo(new Dictionary<string, double> { ["mains"] = 0.0 }));
            Assert.That(mainsFail.Message, Does.Contain("mains_fail raised").And.Contain("mains=0"));
            Assert.That(onBattery.Values, Does.ContainKey("mains"));
        });
    }

    [Test]
    public async Task ObserveAsync_FlappingInsideDebounceWindow_RaisesNothing()
    {
        for (var i = 0; i < 30; i++)
        {
            await Seconds(2, mains: i % 2, volts: i % 2 == 0 ? 46.9 : 47.1); // 4 s period: never 5 s of outage, never 30 s under 47 V
        }

        Assert.That(_outbox.Events, Is.Empty);
    }

    [Test]
    public async Task ObserveAsync_NoFurtherReadings_RaisesAtTheDeadlineByItself()
    {
        await _engine.ObserveAsync([Reading("mains", 0)], CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        var early = _outbox.Events.Count;

        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Zero);
            Assert.That(Codes(), Is.EqualTo(new[] { "mains_fail:raise", "on_battery:raise" }));
        });
    }

    [Test]
    public async Task ObserveAsync_BadQualityReading_NeitherRaisesNorClears()
    {
        await Seconds(10, mains: 0, volts: 50);
        await _engine.ObserveAsync([new SensorReading("mains", _time.GetUtcNow(), 1.0, Quality.Bad)], CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(Codes(), Is.EqualTo(new[] { "mains_fail:raise", "on_battery:raise" }));
    }

    [Test]
    public async Task ObserveAsync_GeneratorDoesNotStart_RaisesFailToStartThenClearsWhenItRuns()
    {
        _engine.Dispose();
        Create(new AlarmOptions
        {
            MainsFail = new DigitalAlarmOptions { Channel = "mains", Debounce = "5s" },
            Generator = new GeneratorAlarmOptions { RunningChannel = "gen_running", StartTimeout = "2m", Debounce = "5s" },
        });

        await Seconds(5 + 120 + 1, ("mains", 0), ("gen_running", 0));
        var failed = Codes();
        await Seconds(10, ("mains", 0), ("gen_running", 1));

        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.EqualTo(new[] { "mains_fail:raise", "on_battery:raise", "generator_fail_start:raise" }));
            Assert.That(Codes().Skip(3), Is.EqualTo(new[] { "generator_fail_start:clear", "generator_running:raise", "on_battery:clear" }));
            Assert.That(_outbox.Events[2].Severity, Is.EqualTo(Severity.Critical));
            Assert.That(_outbox.Events[2].Timestamp, Is.EqualTo(Start.AddSeconds(5 + 120)));
        });
    }

    [Test]
    public async Task ObserveAsync_StartCommandedWithMainsPresent_ExpectsTheGenerator()
    {
        var relay = new FakeRelay("gen_start");
        _engine.Dispose();
        Create(
            new AlarmOptions { Generator = new GeneratorAlarmOptions { RunningChannel = "gen_running", StartOutput = "gen_start", StartTimeout = "30s" } },
            new Dictionary<string, IOutputChannel> { ["gen_start"] = relay });

        await Seconds(60, ("gen_running", 0));
        var idle = Codes();
        await relay.SetAsync(true, CancellationToken.None);
        await Seconds(31, ("gen_running", 0));

        Assert.Multiple(() =>
        {
            Assert.That(idle, Is.Empty);
            Assert.That(Codes(), Is.EqualTo(new[] { "generator_fail_start:raise" }));
        });
    }

    [Test]
    public async Task ObserveAsync_DoorSmokeAndHeat_RaiseWithTheirChannel()
    {
        _engine.Dispose();
        Create(new AlarmOptions
        {
            DoorOpen = new DigitalAlarmOptions { Channel = "door", Debounce = "2s" },
            Smoke = new DigitalAlarmOptions { Channel = "smoke", Debounce = "3s" },
            HighTemperature = [new ThresholdAlarmOptions { Channel = "cabinet_t", Raise = 45, Clear = 40, Debounce = "1m" }],
        });

        await Seconds(61, ("door", 1), ("smoke", 1), ("cabinet_t", 46.5));
        await Seconds(61, ("door", 0), ("smoke", 0), ("cabinet_t", 42));

        var heat = _outbox.Events.Single(e => e.Code == AlarmCodes.HighTemperature);
        Assert.Multiple(() =>
        {
            Assert.That(Codes(), Is.EqualTo(new[] { "door_open:raise", "smoke:raise", "high_temperature:raise", "door_open:clear", "smoke:clear" }));
            Assert.That(heat.Channel, Is.EqualTo("cabinet_t"));
            Assert.That(heat.Values!["cabinet_t"], Is.EqualTo(46.5));
        });
    }

    [Test]
    public async Task ObserveAsync_BusBelowTheLoadDisconnect_SiteDownRaisedWithTheBusVoltageAndClearedWhenItReturns()
    {
        _engine.Dispose();
        Create(new AlarmOptions
        {
            SiteDown = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 44.0, Clear = 47.0, Debounce = "10s" },
        });

        await Seconds(30, ("battery_v", 44.2));     // sagging, still above the cutoff
        var sagging = Codes();
        await Seconds(15, ("battery_v", 0.0));      // the LVD opened: the load bus is dead
        await Seconds(15, ("battery_v", 44.5));     // a rise inside the hysteresis band is not power back
        var down = _outbox.Events.Single();
        await Seconds(20, ("battery_v", 52.0));     // mains back: the rectifier holds the bus

        Assert.Multiple(() =>
        {
            Assert.That(sagging, Is.Empty);
            Assert.That(Codes(), Is.EqualTo(new[] { "site_down:raise", "site_down:clear" }));
            Assert.That(down.Severity, Is.EqualTo(Severity.Critical));
            Assert.That(down.Timestamp, Is.EqualTo(Start.AddSeconds(30 + 10)), "10 s after the bus fell below the cutoff");
            Assert.That(down.Values, Is.EqualTo(new Dictionary<string, double> { ["battery_v"] = 0.0 }));
            Assert.That(_outbox.Events[1].Values, Is.EqualTo(new Dictionary<string, double> { ["battery_v"] = 52.0 }));
        });
    }

    private void Create(AlarmOptions options, IReadOnlyDictionary<string, IOutputChannel>? outputs = null)
    {
        _time = new FakeTimeProvider(Start);
        _outbox = new RecordingOutbox();
        _engine = new AlarmEngine(AlarmRuleFactory.Create(options, outputs ?? new Dictionary<string, IOutputChannel>()), _outbox, _time, NullLogger<AlarmEngine>.Instance);
    }

    private Task Seconds(int count, int mains, double volts) => Seconds(count, ("mains", mains), ("battery_v", volts));

    /// <summary>Feeds one reading per channel per second, like a 1 s poll, for <paramref name="count"/> seconds.</summary>
    private async Task Seconds(int count, params (string Channel, double Value)[] values)
    {
        for (var i = 0; i < count; i++)
        {
            await _engine.ObserveAsync([.. values.Select(v => Reading(v.Channel, v.Value))], CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private SensorReading Reading(string channel, double value) => new(channel, _time.GetUtcNow(), value, Quality.Good);

    private string[] Codes() => [.. _outbox.Events.Select(e => $"{e.Code}:{e.Action.ToString().ToLowerInvariant()}")];

    private sealed class FakeRelay(string id) : IOutputChannel
    {
        public string Id => id;

        public bool IsOn { get; private set; }

        public ValueTask SetAsync(bool on, CancellationToken cancellationToken)
        {
            IsOn = on;
            return ValueTask.CompletedTask;
        }
    }
}
