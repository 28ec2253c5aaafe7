namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// The event codes our gateways raise and clear (<see cref="DeviceEvent.Code"/>). One list for both
/// ends: the cloud's site power state and uptime read exactly the codes the edge rules write.
/// Third-party firmware may send other codes; the cloud stores them and ignores them for power.
/// </summary>
public static class AlarmCodes
{
    /// <summary>The mains input is absent.</summary>
    public const string MainsFail = "mains_fail";

    /// <summary>The DC bus is fed by the battery (no mains, no generator).</summary>
    public const string OnBattery = "on_battery";

    /// <summary>The battery voltage fell below its low threshold.</summary>
    public const string BatteryLow = "battery_low";

    /// <summary>The battery voltage fell below its critical threshold: the site drops soon.</summary>
    public const string BatteryCritical = "battery_critical";

    /// <summary>The DC bus fell below the load-disconnect cutoff: the site's equipment has no power.</summary>
    public const string SiteDown = "site_down";

    /// <summary>The generator is running.</summary>
    public const string GeneratorRunning = "generator_running";

    /// <summary>The generator did not start within its start timeout after mains was lost.</summary>
    public const string GeneratorFailedToStart = "generator_fail_start";

    /// <summary>The cabinet door is open.</summary>
    public const string DoorOpen = "door_open";

    /// <summary>A temperature channel rose above its threshold.</summary>
    public const string HighTemperature = "high_temperature";

    /// <summary>The smoke detector triggered.</summary>
    public const string Smoke = "smoke";

    /// <summary>A channel failed its health check several reads in a row; cleared by the first good read.</summary>
    public const string SensorFault = "sensor_fault";
}
