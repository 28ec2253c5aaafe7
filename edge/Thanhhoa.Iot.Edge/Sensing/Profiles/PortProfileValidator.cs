namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Checks <c>Site:ModbusPorts</c>, <c>Site:Health</c> and the profile's top-level fields.</summary>
internal static class PortProfileValidator
{
    private static readonly string[] Parities = ["none", "even", "odd"];

    public static void Validate(SiteProfileOptions profile, ProfileErrors errors)
    {
        errors.Require(profile.Hardware is SiteHardwareKinds.Linux or SiteHardwareKinds.Fake, $"Site: hardware '{profile.Hardware}' is not linux or fake");
        errors.Require(!string.IsNullOrWhiteSpace(profile.OneWireSysfsRoot), "Site: oneWireSysfsRoot is empty; leave it out to use /sys/devices");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in profile.ModbusPorts)
        {
            var where = $"modbus port '{port.Id}'";
            errors.Require(port.Id.Length > 0 && seen.Add(port.Id), $"{where}: id is empty or declared twice");
            errors.Require(!string.IsNullOrWhiteSpace(port.Device), $"{where}: device is empty; give the serial device, e.g. /dev/ttyUSB0");
            errors.Require(port.BaudRate is >= 1200 and <= 115_200, $"{where}: baudRate '{port.BaudRate}' must be 1200..115200 (the meter's setting, often 9600)");
            errors.Require(Parities.Contains(port.Parity.ToLowerInvariant()), $"{where}: parity '{port.Parity}' is not none, even or odd");
            errors.Require(port.StopBits is 1 or 2, $"{where}: stopBits '{port.StopBits}' must be 1 or 2");
            errors.Duration(where, "timeout", port.Timeout, TimeSpan.FromMilliseconds(20));
            errors.Require(port.Retries is >= 0 and <= 10, $"{where}: retries '{port.Retries}' must be 0..10");
        }

        var health = profile.Health;
        errors.Require(health.FaultAfterFailures is >= 1 and <= 100, $"Site:Health: faultAfterFailures '{health.FaultAfterFailures}' must be 1..100");
        errors.Duration("Site:Health", "initialBackoff", health.InitialBackoff, TimeSpan.FromMilliseconds(100));
        errors.Duration("Site:Health", "maxBackoff", health.MaxBackoff, TimeSpan.FromSeconds(1));
        errors.Duration("Site:Health", "readTimeout", health.ReadTimeout, TimeSpan.FromMilliseconds(100));
    }
}
