using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// Payload of <c>down/firmware</c> (retained): the firmware a gateway should run. An empty retained
/// payload means "no desired firmware" (the rollout was cleared); check for it before decoding.
/// The gateway answers every step on <c>up/firmware-reported</c>.
/// </summary>
public sealed record FirmwareDesired
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>The rollout this desire belongs to, e.g. <c>ro-20261126-0001</c> (an id: 1–64 of a-z, 0-9, '_' or '-').</summary>
    [JsonPropertyName("rolloutId")]
    public required string RolloutId { get; init; }

    /// <summary>The semantic version to run, e.g. <c>1.4.2</c>; equals the bundle manifest's version.</summary>
    [JsonPropertyName("version")]
    public required string FirmwareVersion { get; init; }

    /// <summary>Absolute http(s) URL of the bundle file (<c>.thb</c>); the gateway downloads it with Range requests.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Size in bytes of the bundle file at <see cref="Url"/>.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>SHA-256 of the bundle file at <see cref="Url"/>, 64 lower-case hex digits.</summary>
    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    /// <summary>When the cloud made this desire (UTC).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// True when the operator means to install an older version. The gateway installs an older version
    /// only when this is true and the bundle's signed manifest says <c>downgrade: true</c> too.
    /// Optional on the wire (false when absent); always written.
    /// </summary>
    [JsonPropertyName("downgrade")]
    public bool Downgrade { get; init; }
}
