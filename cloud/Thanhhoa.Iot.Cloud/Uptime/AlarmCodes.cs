namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Event codes the gateway's alarm rules raise and clear (DeviceEvent.Code).</summary>
public static class AlarmCodes
{
    public const string MainsFail = "mains_fail";
    public const string OnBattery = "on_battery";
    public const string BatteryLow = "battery_low";
    public const string BatteryCritical = "battery_critical";
    public const string GeneratorRunning = "generator_running";
    public const string GeneratorFail = "generator_fail";
    public const string DoorOpen = "door_open";
    public const string HighTemp = "high_temp";
    public const string Smoke = "smoke";
    public const string SensorFault = "sensor_fault";
    public const string SiteDown = "site_down";

    /// <summary>The codes that decide a site's power state; the ledger ignores the others.</summary>
    public static readonly IReadOnlySet<string> Power = new HashSet<string>(StringComparer.Ordinal)
    {
        MainsFail, OnBattery, GeneratorRunning, GeneratorFail, SiteDown,
    };
}
