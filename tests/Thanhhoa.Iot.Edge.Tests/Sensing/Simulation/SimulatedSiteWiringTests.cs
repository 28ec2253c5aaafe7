using System.Device.Gpio;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Sensing.Simulation;
using Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Simulation;

[TestFixture]
[Category("Unit")]
public sealed class SimulatedSiteWiringTests
{
    private static readonly SiteConditions Outage = new(
        DateTimeOffset.UnixEpoch, MainsPresent: false, GeneratorRunning: false, DoorOpen: true,
        DcBusVolts: 12.6, LoadAmps: -1.5, BatteryCelsius: 31.0, CabinetCelsius: 35.0, CabinetHumidityPercent: 80.0, PressurePascals: 100_500,
        AcVolts: 0, AcAmps: 0, AcWatts: 0, AcHertz: 0, AcImportKwh: 1_234.5);

    [Test]
    public void Apply_ContactsWiredEitherWay_PinsDrivenAsTheRealContactsWould()
    {
        var profile = new SiteProfileOptions
        {
            Channels =
            [
                new ChannelOptions { Id = "grid_lost", Driver = ChannelDrivers.GpioIn, Pin = 5, ActiveLow = false },
                new ChannelOptions { Id = "door", Driver = ChannelDrivers.GpioIn, Pin = 13, ActiveLow = true },
                new ChannelOptions { Id = "smoke", Driver = ChannelDrivers.GpioIn, Pin = 19, ActiveLow = true },
                new ChannelOptions { Id = "spare", Driver = ChannelDrivers.GpioIn, Pin = 21 },
            ],
            Alarms = new AlarmOptions
            {
                MainsFail = new DigitalAlarmOptions { Channel = "grid_lost", ActiveValue = 1 }, // a relay that closes when the grid is lost
                DoorOpen = new DigitalAlarmOptions { Channel = "door" },
                Smoke = new DigitalAlarmOptions { Channel = "smoke" },
            },
        };
        using var hardware = new FakeSiteHardware(profile);

        Apply(profile, hardware, Outage);

        Assert.Multiple(() =>
        {
            Assert.That(hardware.GpioDriver.LevelOf(5), Is.EqualTo(PinValue.High), "grid lost: the active-high input reads 1");
            Assert.That(hardware.GpioDriver.LevelOf(13), Is.EqualTo(PinValue.Low), "door open: the active-low contact pulls to ground");
            Assert.That(hardware.GpioDriver.LevelOf(19), Is.EqualTo(PinValue.High), "no smoke: the active-low input rests high");
            Assert.That(SimulatedSiteWiring.From(profile).OfType<PinWire>().Select(w => w.Pin), Is.EquivalentTo(new[] { 5, 13, 19 }), "a pin of no known role is left alone");
        });
    }

    [Test]
    public void Apply_AnalogueParts_RegistersAsTheChipsWouldShowTheConditions()
    {
        var profile = new SiteProfileOptions
        {
            Channels =
            [
                new ChannelOptions { Id = "dc_v", Driver = ChannelDrivers.Ina219, I2cBus = 1, I2cAddress = 0x40, Quantity = "busVoltage", ShuntOhms = 0.1, CurrentLsb = 0.0001 },
                new ChannelOptions { Id = "dc_a", Driver = ChannelDrivers.Ina219, I2cBus = 1, I2cAddress = 0x40, Quantity = "current", ShuntOhms = 0.1, CurrentLsb = 0.0001, Gain = -1 },
                new ChannelOptions { Id = "t", Driver = ChannelDrivers.Ds18b20, OneWireDevice = "28-0516a1b2c3d4", Offset = 1.0 },
            ],
        };
        using var hardware = new FakeSiteHardware(profile);

        Apply(profile, hardware, Outage);

        var chip = hardware.Ina219(1, 0x40);
        var w1 = File.ReadAllText(Path.Combine(hardware.OneWireSysfsRoot, "w1_bus_master1", "28-0516a1b2c3d4", "w1_slave"));
        Assert.Multiple(() =>
        {
            Assert.That(chip.Register(FakeIna219Device.BusVoltage) >> 3, Is.EqualTo(3150), "12.6 V / 4 mV");
            Assert.That((short)chip.Register(FakeIna219Device.ShuntVoltage), Is.EqualTo(15_000), "gain -1 undone: +1.5 A × 0.1 Ω = 150 mV / 10 µV");
            Assert.That(w1, Does.EndWith("t=30000\n"), "offset +1 °C undone");
        });
    }

    private static void Apply(SiteProfileOptions profile, FakeSiteHardware hardware, SiteConditions conditions)
    {
        foreach (var wire in SimulatedSiteWiring.From(profile))
        {
            wire.Apply(conditions, hardware);
        }
    }
}
