using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Payload of <c>up/firmware-reported</c>: one step of a gateway through a firmware rollout.</summary>
public sealed record FirmwareReport
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>The rollout this report answers (the <c>rolloutId</c> of <c>down/firmware</c>).</summary>
    [JsonPropertyName("rolloutId")]
    public required string RolloutId { get; init; }

    /// <summary>The step reached.</summary>
    [JsonPropertyName("state")]
    public required FirmwareState State { get; init; }

    /// <summary>The semantic version running when the report was made.</summary>
    [JsonPropertyName("running")]
    public required string Running { get; init; }

    /// <summary>The semantic version the rollout wants.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>Downloading: bytes of the bundle on disk so far.</summary>
    [JsonPropertyName("bytes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Bytes { get; init; }

    /// <summary>Downloading: size of the bundle in bytes.</summary>
    [JsonPropertyName("total")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Total { get; init; }

    /// <summary>
    /// Why, in words an operator can act on; required for failed, refused and rolled-back. For a refused
    /// bundle it starts with the <see cref="Firmware.BundleRefusal"/> code, e.g. <c>bad-signature: …</c>.
    /// </summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>When the gateway reached the step (UTC).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }
}
