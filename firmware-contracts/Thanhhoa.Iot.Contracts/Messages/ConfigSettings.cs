using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// The settings a cloud may change on a gateway at run time. Every value is optional: what is absent
/// keeps the gateway's site profile value. The cloud merges group and device documents leaf by leaf.
/// </summary>
public sealed record ConfigSettings
{
    /// <summary>Telemetry is sent at most once per this many seconds, 0–86400 (0: as soon as there are readings). Events, command results and configuration reports always go at once.</summary>
    [JsonPropertyName("uploadSeconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? UploadSeconds { get; init; }

    /// <summary>Per-channel settings, by channel id.</summary>
    [JsonPropertyName("channels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, ChannelSettings>? Channels { get; init; }
}
