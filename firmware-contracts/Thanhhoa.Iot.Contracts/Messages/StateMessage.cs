using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// Payload of <c>up/state</c>. The session counter grows with every connection, so a late last-will
/// of an old session never marks a newer session offline.
/// </summary>
public sealed record StateMessage
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>Online (birth) or offline (death).</summary>
    [JsonPropertyName("state")]
    public required LinkState State { get; init; }

    /// <summary>Connection counter of the gateway, starting at 1, never reused.</summary>
    [JsonPropertyName("session")]
    public required long Session { get; init; }

    /// <summary>When the message was made (the will: when the session began).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Optional firmware version the gateway runs.</summary>
    [JsonPropertyName("fw")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Firmware { get; init; }

    /// <summary>Optional site code the gateway is bound to.</summary>
    [JsonPropertyName("site")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Site { get; init; }

    /// <summary>Optional reason for going offline: <c>lost</c> (last will) or <c>shutdown</c>.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}
