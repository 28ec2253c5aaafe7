namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>What <see cref="BundleWriter"/> packs and signs.</summary>
public sealed record BundleWriteRequest
{
    /// <summary>The publish folder; every file and folder under it goes into <c>payload.tar.gz</c>.</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>Semantic version of the firmware.</summary>
    public required string Version { get; init; }

    /// <summary>Hardware id, e.g. <c>rpi-arm64</c>.</summary>
    public required string Hardware { get; init; }

    /// <summary>PEM PKCS#8 ECDSA P-256 private key.</summary>
    public required string PrivateKeyPem { get; init; }

    /// <summary>Where to write the bundle; replaced atomically when complete.</summary>
    public required string OutputPath { get; init; }

    /// <summary>When the bundle is built (goes into the manifest).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Oldest running version that may install it; null for any.</summary>
    public string? MinFromVersion { get; init; }

    /// <summary>Release notes; null for none.</summary>
    public string? ReleaseNotes { get; init; }

    /// <summary>Sign it as an allowed downgrade.</summary>
    public bool Downgrade { get; init; }
}
