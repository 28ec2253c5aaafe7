using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Checks <c>Site:Alarms</c> against the declared channels.</summary>
public static class AlarmProfileValidator
{
    public static void Validate(SiteProfileOptions profile, ProfileErrors errors)
    {
        var alarms = profile.Alarms;
        var inputs = profile.Channels.Where(c => c.Driver != ChannelDrivers.GpioOut).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var outputs = profile.Channels.Where(c => c.Driver == ChannelDrivers.GpioOut).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Digital("mainsFail", alarms.MainsFail, inputs, errors);
        Digital("doorOpen", alarms.DoorOpen, inputs, errors);
        Digital("smoke", alarms.Smoke, inputs, errors);
        Threshold("batteryLow", alarms.BatteryLow, ThresholdDirection.Below, inputs, errors);
        Threshold("batteryCritical", alarms.BatteryCritical, ThresholdDirection.Below, inputs, errors);
        Threshold("siteDown", alarms.SiteDown, ThresholdDirection.Below, inputs, errors);
        for (var i = 0; i < alarms.HighTemperature.Count; i++)
        {
            Threshold($"highTemperature[{i}]", alarms.HighTemperature[i], ThresholdDirection.Above, inputs, errors);
        }

        if (alarms.Generator is { } generator)
        {
            const string where = "alarm 'generator'";
            Channel(where, "runningChannel", generator.RunningChannel, inputs, errors);
            errors.Duration(where, "startTimeout", generator.StartTimeout, TimeSpan.FromSeconds(1));
            errors.Duration(where, "debounce", generator.Debounce, TimeSpan.Zero);
            errors.Require(generator.StartOutput is null || outputs.Contains(generator.StartOutput), $"{where}: startOutput '{generator.StartOutput}' is not a gpio-out channel of this profile");
        }

        if (alarms is { BatteryLow: not null, BatteryCritical: not null })
        {
            errors.Require(alarms.BatteryCritical.Raise < alarms.BatteryLow.Raise, $"alarm 'batteryCritical': raise '{alarms.BatteryCritical.Raise}' must be below batteryLow's raise '{alarms.BatteryLow.Raise}'");
        }

        SiteDownBelowWarnings(alarms, errors);
    }

    /// <summary>The load disconnect comes last: a site must not drop before its battery alarms warned anyone.</summary>
    private static void SiteDownBelowWarnings(AlarmOptions alarms, ProfileErrors errors)
    {
        if (alarms.SiteDown is not { } down)
        {
            return;
        }

        if (alarms.BatteryLow is { } low)
        {
            errors.Require(down.Raise < low.Raise, $"alarm 'siteDown': raise '{down.Raise}' must be below batteryLow's raise '{low.Raise}' (the load disconnect is the battery's last step)");
        }

        if (alarms.BatteryCritical is { } critical)
        {
            errors.Require(down.Raise <= critical.Raise, $"alarm 'siteDown': raise '{down.Raise}' must not be above batteryCritical's raise '{critical.Raise}' (the load disconnect is the battery's last step)");
        }
    }

    private static void Digital(string name, DigitalAlarmOptions? options, HashSet<string> inputs, ProfileErrors errors)
    {
        if (options is null)
        {
            return;
        }

        var where = $"alarm '{name}'";
        Channel(where, "channel", options.Channel, inputs, errors);
        errors.Duration(where, "debounce", options.Debounce, TimeSpan.Zero);
        if (options.ClearDebounce is not null)
        {
            errors.Duration(where, "clearDebounce", options.ClearDebounce, TimeSpan.Zero);
        }
    }

    private static void Threshold(string name, ThresholdAlarmOptions? options, ThresholdDirection direction, HashSet<string> inputs, ProfileErrors errors)
    {
        if (options is null)
        {
            return;
        }

        var where = $"alarm '{name}'";
        Channel(where, "channel", options.Channel, inputs, errors);
        errors.Duration(where, "debounce", options.Debounce, TimeSpan.Zero);
        if (options.ClearDebounce is not null)
        {
            errors.Duration(where, "clearDebounce", options.ClearDebounce, TimeSpan.Zero);
        }

        var ordered = direction == ThresholdDirection.Below ? options.Clear > options.Raise : options.Clear < options.Raise;
        errors.Require(ordered, direction == ThresholdDirection.Below
            ? $"{where}: clear '{options.Clear}' must be above raise '{options.Raise}' (the hysteresis band stops the alarm flapping)"
            : $"{where}: clear '{options.Clear}' must be below raise '{options.Raise}' (the hysteresis band stops the alarm flapping)");
    }

    private static void Channel(string where, string field, string channel, HashSet<string> inputs, ProfileErrors errors) =>
        errors.Require(inputs.Contains(channel), $"{where}: {field} '{channel}' is not an input channel of this profile; declare it in Site:Channels");
}
