namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>The driver names a channel may declare, and their default units.</summary>
public static class ChannelDrivers
{
    public const string GpioIn = "gpio-in";
    public const string GpioOut = "gpio-out";
    public const string Ina219 = "ina219";
    public const string Bme280 = "bme280";
    public const string Ds18b20 = "ds18b20";
    public const string Modbus = "modbus";

    public static IReadOnlyList<string> All { get; } = [GpioIn, GpioOut, Ina219, Bme280, Ds18b20, Modbus];

    public static bool IsKnown(string driver) => All.Contains(driver, StringComparer.Ordinal);

    public static bool IsDigital(string driver) => driver is GpioIn or GpioOut;

    /// <summary>The unit used when the profile does not name one.</summary>
    public static string? DefaultUnit(ChannelOptions channel) => channel.Driver switch
    {
        GpioIn or GpioOut => "bool",
        Ds18b20 => "degC",
        Ina219 => channel.Quantity switch
        {
            "current" => "A",
            "power" => "W",
            _ => "V",
        },
        Bme280 => channel.Quantity switch
        {
            "humidity" => "%RH",
            "pressure" => "Pa",
            _ => "degC",
        },
        _ => null,
    };

    public static string UnitOf(ChannelOptions channel) =>
        string.IsNullOrWhiteSpace(channel.Unit) ? DefaultUnit(channel) ?? string.Empty : channel.Unit;
}
