using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Modbus;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>
/// Where the model's conditions go, read from the site profile the way a technician reads a wiring
/// diagram: the alarm rules name the contacts (mains, generator running, door, smoke), every INA219
/// sits on the DC load bus, every BME280 in the cabinet, every DS18B20 on the battery, and every
/// Modbus meter register of a known quantity on the mains incomer. Channels of no known role keep
/// the healthy values the fake hardware was seeded with.
/// </summary>
internal static class SimulatedSiteWiring
{
    private static readonly Dictionary<string, Func<SiteConditions, double>> MeterQuantities = new(StringComparer.Ordinal)
    {
        ["voltage"] = c => c.AcVolts,
        ["current"] = c => c.AcAmps,
        ["activePower"] = c => c.AcWatts,
        ["frequency"] = c => c.AcHertz,
        ["importActiveEnergy"] = c => c.AcImportKwh,
    };

    public static IReadOnlyList<ISimulatedWire> From(SiteProfileOptions profile)
    {
        var wires = new List<ISimulatedWire>();
        wires.AddRange(Pins(profile));
        wires.AddRange(Ina219s(profile));
        wires.AddRange(Bme280s(profile));
        wires.AddRange(profile.Channels
            .Where(c => c.Driver == ChannelDrivers.Ds18b20 && c.OneWireDevice is not null)
            .Select(c => new OneWireWire(c.OneWireBus, c.OneWireDevice!, ChannelScaling.Of(c))));
        wires.AddRange(Meters(profile));
        return wires;
    }

    private static IEnumerable<ISimulatedWire> Pins(SiteProfileOptions profile)
    {
        foreach (var channel in profile.Channels.Where(c => c.Driver == ChannelDrivers.GpioIn && c.Pin is not null))
        {
            if (ContactOf(channel.Id, profile.Alarms) is { } readsOne)
            {
                yield return new PinWire(channel.Pin!.Value, channel.ActiveLow, readsOne);
            }
        }
    }

    /// <summary>When the channel should read 1: the alarm's active value while its condition holds, the other value otherwise.</summary>
    private static Func<SiteConditions, bool>? ContactOf(string id, AlarmOptions alarms)
    {
        if (alarms.MainsFail is { } mains && mains.Channel == id)
        {
            var failReadsOne = (mains.ActiveValue ?? 0.0) >= 0.5;
            return c => !c.MainsPresent == failReadsOne;
        }

        if (alarms.Generator is { } generator && generator.RunningChannel == id)
        {
            return c => c.GeneratorRunning;
        }

        if (alarms.DoorOpen is { } door && door.Channel == id)
        {
            var openReadsOne = (door.ActiveValue ?? 1.0) >= 0.5;
            return c => c.DoorOpen == openReadsOne;
        }

        if (alarms.Smoke is { } smoke && smoke.Channel == id)
        {
            var smokeReadsOne = (smoke.ActiveValue ?? 1.0) >= 0.5;
            return _ => !smokeReadsOne; // no fires in this simulation
        }

        return null;
    }

    private static IEnumerable<ISimulatedWire> Ina219s(SiteProfileOptions profile) =>
        profile.Channels
            .Where(c => c.Driver == ChannelDrivers.Ina219 && c.I2cBus is not null && c.I2cAddress is not null)
            .GroupBy(c => (Bus: c.I2cBus!.Value, Address: c.I2cAddress!.Value))
            .Select(chip => new Ina219Wire(
                chip.Key.Bus,
                chip.Key.Address,
                chip.First().ShuntOhms,
                ChannelScaling.Of(chip.FirstOrDefault(c => c.Quantity == "busVoltage")),
                ChannelScaling.Of(chip.FirstOrDefault(c => c.Quantity == "current"))));

    private static IEnumerable<ISimulatedWire> Bme280s(SiteProfileOptions profile) =>
        profile.Channels
            .Where(c => c.Driver == ChannelDrivers.Bme280 && c.I2cBus is not null && c.I2cAddress is not null)
            .GroupBy(c => (Bus: c.I2cBus!.Value, Address: c.I2cAddress!.Value))
            .Select(chip => new Bme280Wire(
                chip.Key.Bus,
                chip.Key.Address,
                ChannelScaling.Of(chip.FirstOrDefault(c => c.Quantity == "temperature")),
                ChannelScaling.Of(chip.FirstOrDefault(c => c.Quantity == "humidity")),
                ChannelScaling.Of(chip.FirstOrDefault(c => c.Quantity == "pressure"))));

    private static IEnumerable<ISimulatedWire> Meters(SiteProfileOptions profile)
    {
        var maps = RegisterMapCatalog.Build(profile.RegisterMaps);
        foreach (var channel in profile.Channels.Where(c => c.Driver == ChannelDrivers.Modbus))
        {
            var port = profile.ModbusPorts.FirstOrDefault(p => p.Id == channel.ModbusPort);
            if (port is null || channel.ModbusSlave is not { } slave || channel.Register is not { } register
                || !maps.TryGetValue(channel.RegisterMap, out var map) || !map.Entries.TryGetValue(register, out var entry)
                || !MeterQuantities.TryGetValue(register, out var value))
            {
                continue;
            }

            yield return new MeterWire(port.Id, port.BaudRate, (byte)slave, map, entry, ChannelScaling.Of(channel), value);
        }
    }
}
