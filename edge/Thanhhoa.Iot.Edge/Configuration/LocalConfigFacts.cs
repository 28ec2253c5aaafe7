using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>What this gateway's site profile allows a desired configuration to change.</summary>
internal sealed class LocalConfigFacts
{
    public LocalConfigFacts(IEnumerable<ISensorChannel> channels, AlarmEngine? alarms)
    {
        Channels = channels.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PollInterval, StringComparer.Ordinal);
        BaseTick = Channels.Count == 0 ? TimeSpan.FromSeconds(1) : SensorPoller.BaseTick(Channels.Values);
        var rules = alarms?.Rules ?? [];
        Thresholds = rules.OfType<ThresholdAlarmRule>().Where(r => r.Channel is not null).ToList();
        AlarmInputs = rules.Where(r => r.Channel is not null)
            .GroupBy(r => r.Channel!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => r.Code).Distinct()), StringComparer.Ordinal);
    }

    /// <summary>Input channels by id, with the poll interval of the profile (the fastest allowed).</summary>
    public IReadOnlyDictionary<string, TimeSpan> Channels { get; }

    /// <summary>The poller's tick: configured intervals must be whole multiples of it.</summary>
    public TimeSpan BaseTick { get; }

    /// <summary>The threshold alarm rules the configuration may retune.</summary>
    public IReadOnlyList<ThresholdAlarmRule> Thresholds { get; }

    /// <summary>Channels that feed alarm rules, with the codes of those rules.</summary>
    public IReadOnlyDictionary<string, string> AlarmInputs { get; }

    public ThresholdAlarmRule? Threshold(string channel, string code) =>
        Thresholds.FirstOrDefault(r => r.Channel == channel && r.Code == code);
}
