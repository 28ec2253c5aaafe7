using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Health;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Simulation;

/// <summary>
/// A simulated mains outage on the fake hardware under the shipped BTS profile's real drivers, alarm
/// rules, report by exception and a real LiteDB outbox: what the IOC would receive.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class SimulatedOutageTests
{
    private static readonly string[] PowerStory = [AlarmCodes.MainsFail, AlarmCodes.OnBattery, AlarmCodes.BatteryLow, AlarmCodes.SiteDown];

    [Test]
    public async Task Outage_BatterySagsThroughTheCutoff_AlarmsRaiseInOrderWithTheirValuesAndClearOnRecovery()
    {
        // A 10 Ah (aged) string under 25 A lasts ~24 min; mains is away for 30.
        await using var site = await SimulatedBtsSite.StartAsync(Outage(start: "00:02:00", duration: "00:30:00", capacityAh: 10));

        await site.RunUntilAsync(TimeSpan.FromMinutes(40));

        var events = site.Events();
        TestContext.Out.WriteLine(string.Join("\n", events.Select(e => $"{e.Seq} {e.Timestamp:HH:mm:ss} {e.Code} {e.Action} {e.Message}")));
        var raised = events.Where(e => e.Action == EventAction.Raise).ToList();
        var cleared = events.Where(e => e.Action == EventAction.Clear).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(raised.Select(e => e.Code).Where(PowerStory.Contains), Is.EqualTo(PowerStory), "raised in this order, each once");
            Assert.That(cleared.Select(e => e.Code).Where(PowerStory.Contains), Is.EquivalentTo(PowerStory), "each cleared once");
            Assert.That(events.Select(e => e.Seq), Is.Ordered.Ascending.And.Unique, "durable, numbered in append order");
            Assert.That(events.Where(e => e.Code == HealthCheckedChannel.FaultCode), Is.Empty, "every driver kept reading");

            Assert.That(Raise(events, AlarmCodes.MainsFail).Values, Is.EqualTo(new Dictionary<string, double> { ["mains"] = 0 }));
            Assert.That(At(Raise(events, AlarmCodes.MainsFail)), Is.InRange(TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(140)), "polled within 5 s, then the 10 s debounce");
            Assert.That(Raise(events, AlarmCodes.OnBattery).Values, Is.EqualTo(new Dictionary<string, double> { ["mains"] = 0, ["gen_running"] = 0 }));
            Assert.That(Raise(events, AlarmCodes.BatteryLow).Values!["battery_v"], Is.InRange(44.0, 47.0));
            Assert.That(Raise(events, AlarmCodes.SiteDown).Values!["battery_v"], Is.Zero, "the load disconnect opened: the load bus is dead");
            Assert.That(At(Raise(events, AlarmCodes.SiteDown)), Is.LessThan(TimeSpan.FromMinutes(32)), "down before mains returned");

            Assert.That(cleared.Select(e => At(e)), Is.All.GreaterThan(TimeSpan.FromMinutes(32)), "nothing clears before mains returns");
            Assert.That(Clear(events, AlarmCodes.SiteDown).Values!["battery_v"], Is.GreaterThanOrEqualTo(47.0));
            Assert.That(Clear(events, AlarmCodes.MainsFail).Values, Is.EqualTo(new Dictionary<string, double> { ["mains"] = 1 }));
            Assert.That(At(Clear(events, AlarmCodes.MainsFail)), Is.InRange(TimeSpan.FromMinutes(33), TimeSpan.FromMinutes(33) + TimeSpan.FromSeconds(10)), "60 s clear debounce");
            Assert.That(Clear(events, AlarmCodes.BatteryLow).Values!["battery_v"], Is.GreaterThanOrEqualTo(49.0));
        });
    }

    [Test]
    public async Task Outage_ShortWithAGoodBattery_NoBatteryAlarmsAndTheGeneratorCoversIt()
    {
        var simulation = Outage(start: "00:02:00", duration: "00:10:00", capacityAh: 150);
        simulation["Simulation:HasGenerator"] = "true";
        await using var site = await SimulatedBtsSite.StartAsync(simulation);

        await site.RunUntilAsync(TimeSpan.FromMinutes(4));
        var running = site.LastPoll["gen_running"].Value;
        await site.RunUntilAsync(TimeSpan.FromMinutes(18));

        var codes = site.Events().Select(e => (e.Code, e.Action)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(running, Is.EqualTo(1.0), "the active-low contact pulls pin 6 low: the channel reads 1");
            Assert.That(site.Driver.Last!.GeneratorRunning, Is.False, "stopped after its cool-down");
            Assert.That(codes, Is.EqualTo(new[]
            {
                (AlarmCodes.MainsFail, EventAction.Raise),
                (AlarmCodes.OnBattery, EventAction.Raise),
                (AlarmCodes.GeneratorRunning, EventAction.Raise),
                (AlarmCodes.OnBattery, EventAction.Clear),
                (AlarmCodes.MainsFail, EventAction.Clear),
                (AlarmCodes.GeneratorRunning, EventAction.Clear),
            }));
        });
    }

    [Test]
    public async Task Outage_MeterOnTheIncomer_ReadsZeroThroughTheRealModbusMasterAndEnergyAccumulates()
    {
        await using var site = await SimulatedBtsSite.StartAsync(Outage(start: "00:02:00", duration: "00:10:00", capacityAh: 150));
        var line = site.Services<FakeSiteHardware>().Line("rs485");

        await site.RunUntilAsync(TimeSpan.FromMinutes(1));
        var before = Meter(site);
        var requestsBefore = line.RequestCount;
        await site.RunUntilAsync(TimeSpan.FromMinutes(5));
        var during = Meter(site);
        await site.RunUntilAsync(TimeSpan.FromMinutes(10));
        var laterDuring = Meter(site);
        await site.RunUntilAsync(TimeSpan.FromMinutes(20));
        var after = Meter(site);

        Assert.Multiple(() =>
        {
            Assert.That(before.Volts, Is.EqualTo(226).Within(3));
            Assert.That(before.Hertz, Is.EqualTo(50).Within(0.05));
            Assert.That(before.Watts, Is.GreaterThan(1_500));
            Assert.That((during.Volts, during.Amps, during.Watts, during.Hertz), Is.EqualTo((0.0, 0.0, 0.0, 0.0)));
            Assert.That(during.Quality, Is.EqualTo(Quality.Good), "the meter answers; the grid is what is gone");
            Assert.That(line.RequestCount, Is.GreaterThan(requestsBefore), "read over the simulated RS-485 line");
            Assert.That(during.Kwh, Is.GreaterThan(before.Kwh));
            Assert.That(laterDuring.Kwh, Is.EqualTo(during.Kwh), "no import while the grid is down");
            Assert.That(after.Volts, Is.EqualTo(226).Within(3));
            Assert.That(after.Kwh, Is.GreaterThan(laterDuring.Kwh));
        });
    }

    [Test]
    public async Task Start_BtsProfile_EveryChannelReadsTheModelThroughItsOwnDriver()
    {
        await using var site = await SimulatedBtsSite.StartAsync(Outage(start: "01:00:00", duration: "00:10:00", capacityAh: 150));
        var hardware = site.Services<FakeSiteHardware>();

        await site.RunUntilAsync(TimeSpan.FromMinutes(10));
        var model = site.Driver.Last!;
        var read = site.LastPoll.ToDictionary(p => p.Key, p => p.Value.Value);

        Assert.Multiple(() =>
        {
            Assert.That(site.LastPoll.Values.Select(r => r.Quality), Is.All.EqualTo(Quality.Good));
            Assert.That((read["mains"], read["gen_running"], read["door"], read["smoke"]), Is.EqualTo((1.0, 0.0, 0.0, 0.0)));
            Assert.That(hardware.GpioDriver.LevelOf(5), Is.EqualTo(System.Device.Gpio.PinValue.Low), "mains present closes the active-low contact");
            Assert.That(read["battery_v"], Is.EqualTo(model.DcBusVolts).Within(0.012), "4 mV LSB behind the 1:3 divider");
            Assert.That(read["load_a"], Is.EqualTo(model.LoadAmps).Within(0.01), "through the shunt and the chip's calibration");
            Assert.That(read["battery_t"], Is.EqualTo(model.BatteryCelsius).Within(1 / 32.0), "1/16 °C");
            Assert.That(read["cabinet_t"], Is.EqualTo(model.CabinetCelsius).Within(0.02), "through the BME280 compensation");
            Assert.That(read["cabinet_rh"], Is.EqualTo(model.CabinetHumidityPercent).Within(0.1));
            Assert.That(read["ac_v"], Is.EqualTo(model.AcVolts).Within(1e-3));
            Assert.That(read["ac_kwh"], Is.EqualTo(model.AcImportKwh).Within(1e-3 * model.AcImportKwh / 1_000), "float32 on the wire");
        });
    }

    private static DeviceEvent Raise(IReadOnlyList<DeviceEvent> events, string code) => events.Single(e => e.Code == code && e.Action == EventAction.Raise);

    private static DeviceEvent Clear(IReadOnlyList<DeviceEvent> events, string code) => events.Single(e => e.Code == code && e.Action == EventAction.Clear);

    private static TimeSpan At(DeviceEvent e) => e.Timestamp - SimulatedBtsSite.Start;

    private static (double Volts, double Amps, double Watts, double Hertz, double Kwh, Quality Quality) Meter(SimulatedBtsSite site)
    {
        var poll = site.LastPoll;
        return (poll["ac_v"].Value, poll["ac_a"].Value, poll["ac_w"].Value, poll["ac_hz"].Value, poll["ac_kwh"].Value, poll["ac_v"].Quality);
    }

    private static Dictionary<string, string?> Outage(string start, string duration, double capacityAh) => new()
    {
        ["Simulation:Seed"] = "3",
        ["Simulation:HasGenerator"] = "false",
        ["Simulation:BatteryCapacityAh"] = capacityAh.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Simulation:MeanTimeBetweenVisits"] = "00:00:00",
        ["Simulation:Outages:0:Start"] = start,
        ["Simulation:Outages:0:Duration"] = duration,
    };
}
