using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>One alarm transition or notable happening on a gateway.</summary>
public sealed record DeviceEvent
{
    /// <summary>The gateway's sequence number (same space as readings).</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>When it happened (UTC).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Condition code, e.g. <c>mains_fail</c>, <c>battery_low</c>, <c>sensor_fault</c>.</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>Raise, clear or info.</summary>
    [JsonPropertyName("action")]
    public required EventAction Action { get; init; }

    /// <summary>How urgent it is.</summary>
    [JsonPropertyName("severity")]
    public required Severity Severity { get; init; }

    /// <summary>Optional channel the event concerns.</summary>
    [JsonPropertyName("ch")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }

    /// <summary>Optional human-readable detail.</summary>
    [JsonPropertyName("msg")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    /// <summary>Optional values that triggered it, by channel id (all finite).</summary>
    [JsonPropertyName("values")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? Values { get; init; }

    /// <summary>Whether <see cref="Timestamp"/> comes from a trusted clock; optional on the wire, absent means synced.</summary>
    [JsonPropertyName("tq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeQuality TimeQuality { get; init; }
}
