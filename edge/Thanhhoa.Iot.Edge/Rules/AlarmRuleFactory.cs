using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Builds the rules <c>Site:Alarms</c> asks for, in evaluation order (a derived rule after the rules it reads).</summary>
public static class AlarmRuleFactory
{
    public static IReadOnlyList<IAlarmRule> Create(AlarmOptions options, IReadOnlyDictionary<string, IOutputChannel> outputs)
    {
        var rules = new List<IAlarmRule>();
        var mains = options.MainsFail is { } m ? Digital(AlarmCodes.MainsFail, Severity.Major, m, 0.0) : null;
        Add(rules, mains);
        var generator = options.Generator;
        var running = generator is null ? null : new DigitalAlarmRule(
            AlarmCodes.GeneratorRunning, Severity.Info, generator.RunningChannel, 1.0, DurationText.Parse(generator.Debounce), DurationText.Parse(generator.Debounce));
        Add(rules, running);
        if (mains is not null && options.OnBattery)
        {
            rules.Add(new OnBatteryRule(mains, running, Inputs(options.MainsFail!.Channel, generator?.RunningChannel)));
        }

        if (generator is not null)
        {
            var start = generator.StartOutput is { } id && outputs.TryGetValue(id, out var output) ? output : null;
            rules.Add(new GeneratorFailedToStartRule(
                generator.RunningChannel, mains, start, DurationText.Parse(generator.StartTimeout), Inputs(generator.RunningChannel, options.MainsFail?.Channel)));
        }

        Add(rules, Threshold(AlarmCodes.BatteryCritical, Severity.Critical, options.BatteryCritical, ThresholdDirection.Below));
        Add(rules, Threshold(AlarmCodes.BatteryLow, Severity.Major, options.BatteryLow, ThresholdDirection.Below));
        Add(rules, Threshold(AlarmCodes.SiteDown, Severity.Critical, options.SiteDown, ThresholdDirection.Below));
        Add(rules, options.DoorOpen is { } door ? Digital(AlarmCodes.DoorOpen, Severity.Warning, door, 1.0) : null);
        Add(rules, options.Smoke is { } smoke ? Digital(AlarmCodes.Smoke, Severity.Critical, smoke, 1.0) : null);
        foreach (var hot in options.HighTemperature)
        {
            Add(rules, Threshold(AlarmCodes.HighTemperature, Severity.Major, hot, ThresholdDirection.Above));
        }

        return rules;
    }

    private static void Add(List<IAlarmRule> rules, IAlarmRule? rule)
    {
        if (rule is not null)
        {
            rules.Add(rule);
        }
    }

    private static string[] Inputs(params string?[] channels) => [.. channels.OfType<string>().Where(c => c.Length > 0)];

    private static DigitalAlarmRule Digital(string code, Severity severity, DigitalAlarmOptions options, double defaultActive)
    {
        var raiseAfter = DurationText.Parse(options.Debounce);
        var clearAfter = options.ClearDebounce is { } clear ? DurationText.Parse(clear) : raiseAfter;
        return new DigitalAlarmRule(code, severity, options.Channel, options.ActiveValue ?? defaultActive, raiseAfter, clearAfter);
    }

    private static ThresholdAlarmRule? Threshold(string code, Severity severity, ThresholdAlarmOptions? options, ThresholdDirection direction)
    {
        if (options is null)
        {
            return null;
        }

        var raiseAfter = DurationText.Parse(options.Debounce);
        var clearAfter = options.ClearDebounce is { } clear ? DurationText.Parse(clear) : raiseAfter;
        return new ThresholdAlarmRule(code, severity, options.Channel, direction, options.Raise, options.Clear, raiseAfter, clearAfter);
    }
}
