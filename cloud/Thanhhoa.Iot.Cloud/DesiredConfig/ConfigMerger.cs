using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>
/// Merges a group's settings with a device's overrides leaf by leaf: a device value beats the group's;
/// a leaf the device does not set (or no longer sets) is the group's; one neither sets is absent (the
/// gateway's site profile value). Keys come out sorted, so equal settings encode to equal bytes.
/// </summary>
public static class ConfigMerger
{
    public static ConfigSettings Merge(ConfigSettings? group, ConfigSettings? device)
    {
        var channels = Keys(group?.Channels, device?.Channels)
            .Select(id => (id, Merge(group?.Channels?.GetValueOrDefault(id), device?.Channels?.GetValueOrDefault(id))))
            .Where(c => c.Item2 is not null)
            .ToDictionary(c => c.id, c => c.Item2!, StringComparer.Ordinal);
        return new ConfigSettings
        {
            UploadSeconds = device?.UploadSeconds ?? group?.UploadSeconds,
            Channels = channels.Count == 0 ? null : new SortedDictionary<string, ChannelSettings>(channels, StringComparer.Ordinal),
        };
    }

    private static ChannelSettings? Merge(ChannelSettings? group, ChannelSettings? device)
    {
        var alarms = Keys(group?.Alarms, device?.Alarms)
            .Select(code => (code, Merge(group?.Alarms?.GetValueOrDefault(code), device?.Alarms?.GetValueOrDefault(code))))
            .Where(a => a.Item2 is not null)
            .ToDictionary(a => a.code, a => a.Item2!, StringComparer.Ordinal);
        var merged = new ChannelSettings
        {
            Enabled = device?.Enabled ?? group?.Enabled,
            PollSeconds = device?.PollSeconds ?? group?.PollSeconds,
            Alarms = alarms.Count == 0 ? null : new SortedDictionary<string, AlarmThresholds>(alarms, StringComparer.Ordinal),
        };
        return merged is { Enabled: null, PollSeconds: null, Alarms: null } ? null : merged;
    }

    private static AlarmThresholds? Merge(AlarmThresholds? group, AlarmThresholds? device)
    {
        var merged = new AlarmThresholds { Raise = device?.Raise ?? group?.Raise, Clear = device?.Clear ?? group?.Clear };
        return merged is { Raise: null, Clear: null } ? null : merged;
    }

    private static IEnumerable<string> Keys<T>(IReadOnlyDictionary<string, T>? a, IReadOnlyDictionary<string, T>? b) =>
        (a?.Keys ?? []).Concat(b?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
