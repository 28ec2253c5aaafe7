using System.Text.RegularExpressions;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Sensing.I2c;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Checks each <c>Site:Channels</c> entry against its driver's needs.</summary>
internal static partial class ChannelProfileValidator
{
    private static readonly string[] Pulls = ["none", "up", "down"];
    private static readonly string[] Ina219Quantities = ["busVoltage", "current", "power", "shuntVoltage"];
    private static readonly string[] Bme280Quantities = ["temperature", "humidity", "pressure"];

    public static void Validate(SiteProfileOptions profile, IReadOnlyDictionary<string, RegisterMap> maps, ProfileErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Channels.Count; i++)
        {
            var channel = profile.Channels[i];
            if (!ContractInfo.IsValidId(channel.Id))
            {
                errors.Add($"channel #{i + 1}: id '{channel.Id}' is not valid: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'");
                continue;
            }

            var where = $"channel '{channel.Id}'";
            errors.Require(seen.Add(channel.Id), $"{where}: id is declared twice; give each channel its own id");
            if (!ChannelDrivers.IsKnown(channel.Driver))
            {
                errors.Add($"{where}: driver '{channel.Driver}' is not known; use one of {string.Join(", ", ChannelDrivers.All)}");
                continue;
            }

            ValidateCommon(channel, where, errors);
            ValidateDriver(profile, channel, where, maps, errors);
        }

        ValidateSharedPins(profile, errors);
        ValidateSharedIna219(profile, errors);
    }

    private static void ValidateSharedIna219(SiteProfileOptions profile, ProfileErrors errors)
    {
        var chips = profile.Channels.Where(c => c.Driver == ChannelDrivers.Ina219 && c.I2cBus is not null && c.I2cAddress is not null).GroupBy(c => (c.I2cBus, c.I2cAddress));
        foreach (var chip in chips.Where(g => g.Select(c => (c.ShuntOhms, c.CurrentLsb)).Distinct().Count() > 1))
        {
            errors.Add($"channels {string.Join(", ", chip.Select(c => $"'{c.Id}'"))}: share the INA219 at bus {chip.Key.I2cBus} address {Hex(chip.Key.I2cAddress)} but give different shuntOhms/currentLsb; one chip has one calibration");
        }
    }

    private static void ValidateCommon(ChannelOptions channel, string where, ProfileErrors errors)
    {
        errors.Duration(where, "pollInterval", channel.PollInterval, TimeSpan.FromMilliseconds(100));
        errors.Duration(where, "heartbeat", channel.Heartbeat, TimeSpan.FromSeconds(1));
        errors.Require(double.IsFinite(channel.Deadband) && channel.Deadband >= 0, $"{where}: deadband '{channel.Deadband}' must be a number of at least 0");
        errors.Require(double.IsFinite(channel.Gain) && channel.Gain != 0, $"{where}: gain '{channel.Gain}' must be a non-zero number");
        errors.Require(double.IsFinite(channel.Offset), $"{where}: offset '{channel.Offset}' must be a finite number");
        errors.Require(ChannelDrivers.UnitOf(channel).Length > 0, $"{where}: unit is missing; driver '{channel.Driver}' has no default unit, so name one (e.g. V, A, kWh)");
    }

    private static void ValidateDriver(SiteProfileOptions profile, ChannelOptions channel, string where, IReadOnlyDictionary<string, RegisterMap> maps, ProfileErrors errors)
    {
        switch (channel.Driver)
        {
            case ChannelDrivers.GpioIn or ChannelDrivers.GpioOut:
                errors.Require(channel.Pin is >= 0 and < 1024, $"{where}: pin '{channel.Pin}' is missing or out of range; give the GPIO line number (BCM numbering on a Raspberry Pi)");
                errors.Require(Pulls.Contains(channel.Pull), $"{where}: pull '{channel.Pull}' is not one of none, up, down");
                errors.Duration(where, "debounce", channel.Debounce, TimeSpan.Zero);
                break;
            case ChannelDrivers.Ina219:
                ValidateI2c(channel, where, 0x40, 0x4F, Ina219Quantities, errors);
                errors.Require(Ina219Calibration.IsValid(channel.ShuntOhms, channel.CurrentLsb), $"{where}: shuntOhms '{channel.ShuntOhms}' and currentLsb '{channel.CurrentLsb}' give an INA219 calibration outside 1..65534; pick currentLsb between maxCurrent/32768 and maxCurrent/4096");
                break;
            case ChannelDrivers.Bme280:
                ValidateI2c(channel, where, 0x76, 0x77, Bme280Quantities, errors);
                break;
            case ChannelDrivers.Ds18b20:
                errors.Require(channel.OneWireDevice is not null && OneWireId().IsMatch(channel.OneWireDevice), $"{where}: oneWireDevice '{channel.OneWireDevice}' is not a 1-wire id like 28-0316a2795aff (see ls /sys/bus/w1/devices)");
                errors.Require(!string.IsNullOrWhiteSpace(channel.OneWireBus) && !channel.OneWireBus.Contains("..", StringComparison.Ordinal), $"{where}: oneWireBus '{channel.OneWireBus}' must name a bus master such as w1_bus_master1");
                break;
            case ChannelDrivers.Modbus:
                ValidateModbus(profile, channel, where, maps, errors);
                break;
        }
    }

    private static void ValidateI2c(ChannelOptions channel, string where, int lowAddress, int highAddress, string[] quantities, ProfileErrors errors)
    {
        errors.Require(channel.I2cBus is >= 0 and < 64, $"{where}: i2cBus '{channel.I2cBus}' is missing or out of range; give the bus number of /dev/i2c-N");
        errors.Require(channel.I2cAddress >= lowAddress && channel.I2cAddress <= highAddress, $"{where}: i2cAddress '{Hex(channel.I2cAddress)}' is not a {channel.Driver} address; use 0x{lowAddress:X2}..0x{highAddress:X2} (i2cdetect shows it)");
        errors.Require(channel.Quantity is not null && quantities.Contains(channel.Quantity), $"{where}: quantity '{channel.Quantity}' is not one of {string.Join(", ", quantities)}");
    }

    private static void ValidateModbus(SiteProfileOptions profile, ChannelOptions channel, string where, IReadOnlyDictionary<string, RegisterMap> maps, ProfileErrors errors)
    {
        errors.Require(profile.ModbusPorts.Any(p => p.Id == channel.ModbusPort), $"{where}: modbusPort '{channel.ModbusPort}' is not declared in Site:ModbusPorts; declared: {string.Join(", ", profile.ModbusPorts.Select(p => p.Id))}");
        errors.Require(channel.ModbusSlave is >= 1 and <= 247, $"{where}: modbusSlave '{channel.ModbusSlave}' must be 1..247 (the meter's address setting)");
        if (!maps.TryGetValue(channel.RegisterMap, out var map))
        {
            errors.Add($"{where}: registerMap '{channel.RegisterMap}' is not known; use one of {string.Join(", ", maps.Keys)} or declare it in Site:RegisterMaps");
            return;
        }

        errors.Require(channel.Register is not null && map.Entries.ContainsKey(channel.Register), $"{where}: register '{channel.Register}' is not in map '{map.Name}'; use one of {string.Join(", ", map.Entries.Keys)}");
    }

    private static void ValidateSharedPins(SiteProfileOptions profile, ProfileErrors errors)
    {
        var pins = profile.Channels.Where(c => ChannelDrivers.IsDigital(c.Driver) && c.Pin is not null).GroupBy(c => c.Pin);
        foreach (var group in pins.Where(g => g.Count() > 1))
        {
            errors.Add($"channels {string.Join(", ", group.Select(c => $"'{c.Id}'"))}: all use pin {group.Key}; each GPIO line can serve one channel");
        }
    }

    private static string Hex(int? address) => address is { } a ? $"0x{a:X2}" : string.Empty;

    [GeneratedRegex("^[0-9a-f]{2}-[0-9a-f]{12}$")]
    private static partial Regex OneWireId();
}
