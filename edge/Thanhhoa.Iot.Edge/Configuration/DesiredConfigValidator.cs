using System.Globalization;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Rules;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>
/// Checks a desired configuration (already valid by the contract) against this gateway's site profile:
/// every channel and alarm it names exists, poll intervals are not faster than the profile's and fit the
/// poller's tick, thresholds keep their hysteresis, and no channel an alarm depends on is switched off.
/// The first problem refuses the whole document.
/// </summary>
internal static class DesiredConfigValidator
{
    public static ConfigRefusal? Validate(DesiredConfigMessage config, LocalConfigFacts facts)
    {
        foreach (var (id, channel) in config.Settings.Channels ?? new Dictionary<string, ChannelSettings>())
        {
            var at = $"$.settings.channels.{id}";
            if (!facts.Channels.TryGetValue(id, out var profileInterval))
            {
                return new ConfigRefusal(at,
                    $"channel '{id}' is not in this gateway's site profile; remove it or add the sensor to the profile (channels here: {List(facts.Channels.Keys)})");
            }

            var refusal = CheckPoll(id, channel, profileInterval, facts.BaseTick, at)
                ?? CheckEnabled(id, channel, facts, at)
                ?? CheckAlarms(id, channel, facts, at);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private static ConfigRefusal? CheckPoll(string id, ChannelSettings channel, TimeSpan profileInterval, TimeSpan tick, string at)
    {
        if (channel.PollSeconds is not { } seconds)
        {
            return null;
        }

        var interval = TimeSpan.FromSeconds(seconds);
        if (interval < profileInterval)
        {
            return new ConfigRefusal(at + ".pollSeconds",
                $"{seconds} s is faster than the site profile allows for '{id}' ({Seconds(profileInterval)}); use {Seconds(profileInterval)} or more, in multiples of {Seconds(tick)}");
        }

        return interval.Ticks % tick.Ticks == 0
            ? null
            : new ConfigRefusal(at + ".pollSeconds",
                $"{seconds} s is not a multiple of the poller's tick ({Seconds(tick)}) on this gateway; use e.g. {Seconds(TimeSpan.FromTicks(interval.Ticks / tick.Ticks * tick.Ticks))}");
    }

    private static ConfigRefusal? CheckEnabled(string id, ChannelSettings channel, LocalConfigFacts facts, string at) =>
        channel.Enabled == false && facts.AlarmInputs.TryGetValue(id, out var codes)
            ? new ConfigRefusal(at + ".enabled",
                $"channel '{id}' feeds alarm {codes}; an alarm on a channel that is not read could never raise or clear. Remove the alarm from the site profile first, or keep the channel enabled")
            : null;

    private static ConfigRefusal? CheckAlarms(string id, ChannelSettings channel, LocalConfigFacts facts, string at)
    {
        foreach (var (code, thresholds) in channel.Alarms ?? new Dictionary<string, AlarmThresholds>())
        {
            var path = $"{at}.alarms.{code}";
            if (facts.Threshold(id, code) is not { } rule)
            {
                var here = facts.Thresholds.Select(r => $"{r.Code} on {r.Channel}");
                return new ConfigRefusal(path, $"there is no threshold alarm '{code}' on channel '{id}'; this gateway has: {List(here)}");
            }

            var (raise, clear) = Effective(rule, thresholds);
            var ok = rule.Direction == ThresholdDirection.Below ? raise < clear : raise > clear;
            if (!ok)
            {
                var field = thresholds.Clear is not null ? path + ".clear" : path + ".raise";
                var side = rule.Direction == ThresholdDirection.Below ? "above" : "below";
                return new ConfigRefusal(field, string.Create(CultureInfo.InvariantCulture,
                    $"{code} on {id} raises {(rule.Direction == ThresholdDirection.Below ? "below" : "above")} its raise threshold, so clear ({clear}) must be {side} raise ({raise}) to keep a hysteresis band"));
            }
        }

        return null;
    }

    /// <summary>The thresholds a rule gets: the configured ones, else the site profile's.</summary>
    public static (double Raise, double Clear) Effective(ThresholdAlarmRule rule, AlarmThresholds? configured) =>
        (configured?.Raise ?? rule.ProfileRaise, configured?.Clear ?? rule.ProfileClear);

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###} s");

    private static string List(IEnumerable<string> items)
    {
        var all = items.Order(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? "none" : string.Join(", ", all);
    }
}
