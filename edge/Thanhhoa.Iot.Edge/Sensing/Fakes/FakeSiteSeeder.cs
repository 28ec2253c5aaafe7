using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>Puts a healthy site into fresh fake hardware: mains present, doors shut, sensible analogue values.</summary>
internal sealed class FakeSiteSeeder(FakeSiteHardware hardware)
{
    private SiteProfileOptions _profile = new();

    public void Seed(SiteProfileOptions profile)
    {
        _profile = profile;
        var alarmValues = AlarmActiveValues(profile);
        foreach (var channel in profile.Channels)
        {
            SeedChannel(channel, alarmValues);
        }
    }

    private void SeedChannel(ChannelOptions channel, Dictionary<string, double> alarmValues)
    {
        switch (channel.Driver)
        {
            case ChannelDrivers.GpioIn when channel.Pin is { } pin:
                var active = alarmValues.TryGetValue(channel.Id, out var alarmValue) && alarmValue < 0.5; // mains: healthy when active
                hardware.SetPin(pin, active ^ channel.ActiveLow);
                break;
            case ChannelDrivers.Ina219 when channel is { I2cBus: { } bus, I2cAddress: { } address, Quantity: "busVoltage" }:
                hardware.Ina219(bus, address).SetDcBus((HealthyVolts(channel) - channel.Offset) / channel.Gain, 0.5, channel.ShuntOhms);
                break;
            case ChannelDrivers.Bme280 when channel is { I2cBus: { } bus, I2cAddress: { } address }:
                hardware.Bme280(bus, address).SetConditions(29.5, 68.0, 100_650.0);
                break;
            case ChannelDrivers.Ds18b20 when channel.OneWireDevice is { } device:
                hardware.SetOneWireTemperature(channel.OneWireBus, device, 27.5);
                break;
            case ChannelDrivers.Modbus when channel is { ModbusPort: { } port, ModbusSlave: { } slave }:
                hardware.Line(port).Slave((byte)slave).SetMeter(229.8, 4.2, 910.0, 50.0, 1_234.5);
                break;
        }
    }

    /// <summary>A charged battery: comfortably above the low-battery clear threshold when there is one.</summary>
    private double HealthyVolts(ChannelOptions channel) =>
        _profile.Alarms.BatteryLow is { } low && low.Channel == channel.Id ? low.Clear * 1.08 : 13.35;

    private static Dictionary<string, double> AlarmActiveValues(SiteProfileOptions profile)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var alarms = profile.Alarms;
        if (alarms.MainsFail is { } mains)
        {
            values[mains.Channel] = mains.ActiveValue ?? 0.0;
        }

        return values;
    }
}
