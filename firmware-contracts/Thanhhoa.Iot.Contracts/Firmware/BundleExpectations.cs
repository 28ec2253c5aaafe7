namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>
/// What a gateway requires of a bundle beyond a good signature and payload. The cloud verifies uploads
/// with <see cref="None"/> (signature and payload only).
/// </summary>
public sealed record BundleExpectations
{
    /// <summary>Signature and payload only.</summary>
    public static BundleExpectations None { get; } = new();

    /// <summary>This gateway's hardware id; null to accept any.</summary>
    public string? Hardware { get; init; }

    /// <summary>The running version; null to skip the downgrade and minimum-version checks.</summary>
    public SemanticVersion? Running { get; init; }

    /// <summary>The operator asked for a downgrade (<c>down/firmware</c> <c>downgrade: true</c>).</summary>
    public bool DowngradeRequested { get; init; }
}
