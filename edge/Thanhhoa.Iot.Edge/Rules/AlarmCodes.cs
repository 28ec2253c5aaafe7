namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Event codes of the local alarm rules, as they appear on the wire.</summary>
public static class AlarmCodes
{
    public const string MainsFail = "mains_fail";
    public const string OnBattery = "on_battery";
    public const string BatteryLow = "battery_low";
    public const string BatteryCritical = "battery_critical";

    /// <summary>The DC bus fell below the load-disconnect cutoff: the site's equipment has no power.</summary>
    public const string SiteDown = "site_down";
    public const string GeneratorRunning = "generator_running";
    public const string GeneratorFailedToStart = "generator_fail_start";
    public const string DoorOpen = "door_open";
    public const string HighTemperature = "high_temperature";
    public const string Smoke = "smoke";
}
