namespace Thanhhoa.Iot.Edge.Rules;

/// <summary><c>Site:Alarms</c>. Every rule is optional: a rule not configured does not run.</summary>
public sealed class AlarmOptions
{
    public DigitalAlarmOptions? MainsFail { get; set; }

    /// <summary>Raised while mains has failed and no generator runs; needs <see cref="MainsFail"/>.</summary>
    public bool OnBattery { get; set; } = true;

    public GeneratorAlarmOptions? Generator { get; set; }

    public ThresholdAlarmOptions? BatteryLow { get; set; }

    public ThresholdAlarmOptions? BatteryCritical { get; set; }

    /// <summary>
    /// The equipment lost power: the DC bus channel fell below the load-disconnect (battery cutoff)
    /// voltage, e.g. 44.0 V on a 48 V plant; cleared once the bus is back above <c>clear</c>.
    /// </summary>
    public ThresholdAlarmOptions? SiteDown { get; set; }

    public DigitalAlarmOptions? DoorOpen { get; set; }

    public DigitalAlarmOptions? Smoke { get; set; }

    public List<ThresholdAlarmOptions> HighTemperature { get; set; } = [];
}
