using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Desired settings of one channel; an absent value keeps the site profile's.</summary>
public sealed record ChannelSettings
{
    /// <summary>False stops polling the channel (and so its readings); true polls it again.</summary>
    [JsonPropertyName("enabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Enabled { get; init; }

    /// <summary>Poll interval in whole seconds, 1–86400.</summary>
    [JsonPropertyName("pollSeconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PollSeconds { get; init; }

    /// <summary>Alarm thresholds on this channel, by alarm code (e.g. <c>battery_low</c>).</summary>
    [JsonPropertyName("alarms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, AlarmThresholds>? Alarms { get; init; }
}
