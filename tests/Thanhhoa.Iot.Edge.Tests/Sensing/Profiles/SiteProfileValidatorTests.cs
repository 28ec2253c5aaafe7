using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Profiles;

[TestFixture]
[Category("Unit")]
public sealed class SiteProfileValidatorTests
{
    [Test]
    public void Check_ZeroPollInterval_NamesChannelAndField()
    {
        var profile = Profile(new ChannelOptions { Id = "battery_t", Driver = "ds18b20", OneWireDevice = "28-0316a2795aff", PollInterval = "0s" });

        Assert.That(SiteProfileValidator.Check(profile), Is.EqualTo(new[] { "channel 'battery_t': pollInterval '0s' must be at least 100 ms" }));
    }

    [TestCase("driver", "relay", "channel 'x': driver 'relay' is not known; use one of gpio-in, gpio-out, ina219, bme280, ds18b20, modbus")]
    [TestCase("pollInterval", "ten seconds", "channel 'x': pollInterval 'ten seconds' is not a duration; write e.g. 500ms, 10s, 5m or 00:00:10")]
    [TestCase("heartbeat", "500ms", "channel 'x': heartbeat '500ms' must be at least 1 s")]
    public void Check_BadField_NamesChannelFieldAndValue(string field, string value, string expected)
    {
        var channel = new ChannelOptions { Id = "x", Driver = "ds18b20", OneWireDevice = "28-0316a2795aff" };
        typeof(ChannelOptions).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.SetValue(channel, value);

        Assert.That(SiteProfileValidator.Check(Profile(channel)), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Check_DriverSpecificMistakes_AreEachReported()
    {
        var profile = Profile(
            new ChannelOptions { Id = "ac_v", Driver = "modbus", Unit = "V", ModbusPort = "rs485", ModbusSlave = 1, Register = "voltge" },
            new ChannelOptions { Id = "dc_v", Driver = "ina219", I2cBus = 1, I2cAddress = 0x76, Quantity = "busVoltage" },
            new ChannelOptions { Id = "door", Driver = "gpio-in", Pin = 5, Pull = "sideways" },
            new ChannelOptions { Id = "smoke", Driver = "gpio-in", Pin = 5 },
            new ChannelOptions { Id = "battery_t", Driver = "ds18b20", OneWireDevice = "battery" },
            new ChannelOptions { Id = "door", Driver = "ds18b20", OneWireDevice = "28-0316a2795aff" });

        var errors = SiteProfileValidator.Check(profile);

        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "channel 'ac_v': modbusPort 'rs485' is not declared in Site:ModbusPorts; declared: ",
            "channel 'ac_v': register 'voltge' is not in map 'eastron-sdm'; use one of voltage, current, activePower, frequency, importActiveEnergy",
            "channel 'dc_v': i2cAddress '0x76' is not a ina219 address; use 0x40..0x4F (i2cdetect shows it)",
            "channel 'door': pull 'sideways' is not one of none, up, down",
            "channel 'battery_t': oneWireDevice 'battery' is not a 1-wire id like 28-0316a2795aff (see ls /sys/bus/w1/devices)",
            "channel 'door': id is declared twice; give each channel its own id",
            "channels 'door', 'smoke': all use pin 5; each GPIO line can serve one channel",
        }));
    }

    [Test]
    public void Check_OneIna219TwoCalibrations_IsRefused()
    {
        var profile = Profile(
            new ChannelOptions { Id = "dc_v", Driver = "ina219", I2cBus = 1, I2cAddress = 0x40, Quantity = "busVoltage", ShuntOhms = 0.1, CurrentLsb = 0.0001 },
            new ChannelOptions { Id = "dc_a", Driver = "ina219", I2cBus = 1, I2cAddress = 0x40, Quantity = "current", ShuntOhms = 0.01, CurrentLsb = 0.001 });

        Assert.That(SiteProfileValidator.Check(profile), Is.EqualTo(new[]
        {
            "channels 'dc_v', 'dc_a': share the INA219 at bus 1 address 0x40 but give different shuntOhms/currentLsb; one chip has one calibration",
        }));
    }

    [Test]
    public void Check_AlarmMistakes_NameTheRule()
    {
        var profile = Profile(new ChannelOptions { Id = "battery_v", Driver = "ina219", I2cBus = 1, I2cAddress = 0x40, Quantity = "busVoltage" });
        profile.Alarms = new AlarmOptions
        {
            MainsFail = new DigitalAlarmOptions { Channel = "mains" },
            BatteryLow = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 47, Clear = 46 },
            Generator = new GeneratorAlarmOptions { RunningChannel = "battery_v", StartOutput = "battery_v" },
        };

        Assert.That(SiteProfileValidator.Check(profile), Is.EquivalentTo(new[]
        {
            "alarm 'mainsFail': channel 'mains' is not an input channel of this profile; declare it in Site:Channels",
            "alarm 'batteryLow': clear '46' must be above raise '47' (the hysteresis band stops the alarm flapping)",
            "alarm 'generator': startOutput 'battery_v' is not a gpio-out channel of this profile",
        }));
    }

    [Test]
    public void Check_SiteDownAboveTheBatteryAlarms_IsRefused()
    {
        var profile = Profile(new ChannelOptions { Id = "battery_v", Driver = "ina219", I2cBus = 1, I2cAddress = 0x40, Quantity = "busVoltage" });
        profile.Alarms = new AlarmOptions
        {
            BatteryLow = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 47, Clear = 49 },
            BatteryCritical = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 44.4, Clear = 47 },
            SiteDown = new ThresholdAlarmOptions { Channel = "battery_v", Raise = 48, Clear = 47 },
        };

        Assert.That(SiteProfileValidator.Check(profile), Is.EquivalentTo(new[]
        {
            "alarm 'siteDown': clear '47' must be above raise '48' (the hysteresis band stops the alarm flapping)",
            "alarm 'siteDown': raise '48' must be below batteryLow's raise '47' (the load disconnect is the battery's last step)",
            "alarm 'siteDown': raise '48' must not be above batteryCritical's raise '44.4' (the load disconnect is the battery's last step)",
        }));
    }

    [Test]
    public void StartAsync_InvalidProfile_FailsWithTheValidationMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:Channels:0:Id"] = "battery_t",
            ["Site:Channels:0:Driver"] = "ds18b20",
            ["Site:Channels:0:OneWireDevice"] = "28-0316a2795aff",
            ["Site:Channels:0:PollInterval"] = "0s",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IOutbox, RecordingOutbox>();
        builder.Services.AddSiteProfile(configuration);
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("channel 'battery_t': pollInterval '0s' must be at least 100 ms"));
    }

    private static SiteProfileOptions Profile(params ChannelOptions[] channels) => new() { Channels = [.. channels] };
}
