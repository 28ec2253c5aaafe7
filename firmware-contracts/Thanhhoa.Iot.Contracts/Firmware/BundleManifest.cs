using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>
/// <c>manifest.json</c> of a firmware bundle. The signature in <c>manifest.sig</c> covers the exact bytes
/// of the file, so a reader verifies those bytes first and only then parses them.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>Semantic version of the firmware, e.g. <c>1.4.2</c>.</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>Hardware it runs on, an id such as <c>rpi-arm64</c>; a gateway refuses any other.</summary>
    [JsonPropertyName("hardware")]
    public required string Hardware { get; init; }

    /// <summary>Oldest running version that may install this bundle; null for any.</summary>
    [JsonPropertyName("minFromVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MinFromVersion { get; init; }

    /// <summary>Size in bytes of <c>payload.tar.gz</c>.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>SHA-256 of <c>payload.tar.gz</c>, 64 lower-case hex digits.</summary>
    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    /// <summary>What changed, for operators; null for none.</summary>
    [JsonPropertyName("releaseNotes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReleaseNotes { get; init; }

    /// <summary>When the bundle was built (UTC).</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the signer allows installing this version over a newer one.</summary>
    [JsonPropertyName("downgrade")]
    public bool Downgrade { get; init; }
}
