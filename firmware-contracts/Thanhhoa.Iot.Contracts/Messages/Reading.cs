using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>One value of one channel at one moment.</summary>
public sealed record Reading
{
    /// <summary>The gateway's sequence number for this reading; never repeats for a device.</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>Channel id, e.g. <c>battery_v</c> or <c>mains</c>.</summary>
    [JsonPropertyName("ch")]
    public required string Channel { get; init; }

    /// <summary>When the value was taken (UTC, millisecond precision on the wire).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The value in the channel's unit; digital inputs are 0 or 1. Always finite.</summary>
    [JsonPropertyName("val")]
    public required double Value { get; init; }

    /// <summary>How far the value can be trusted.</summary>
    [JsonPropertyName("q")]
    public required Quality Quality { get; init; }

    /// <summary>Whether <see cref="Timestamp"/> comes from a trusted clock; optional on the wire, absent means synced.</summary>
    [JsonPropertyName("tq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeQuality TimeQuality { get; init; }
}
