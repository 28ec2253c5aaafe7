using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Thresholds of one alarm rule on one channel; an absent value keeps the site profile's.</summary>
public sealed record AlarmThresholds
{
    /// <summary>The alarm raises past this value (below it for battery alarms, above it for temperature).</summary>
    [JsonPropertyName("raise")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Raise { get; init; }

    /// <summary>The alarm clears once back past this value (the hysteresis band lies between the two).</summary>
    [JsonPropertyName("clear")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Clear { get; init; }
}
