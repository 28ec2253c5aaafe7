namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>
/// Fixed facts of the firmware bundle (<c>.thb</c>): one POSIX tar file holding <see cref="ManifestEntry"/>,
/// <see cref="SignatureEntry"/> and <see cref="PayloadEntry"/> (the publish folder as tar.gz), in that order.
/// The signature is ECDSA P-256 with SHA-256 over the exact bytes of <c>manifest.json</c>, in IEEE P1363
/// form (r‖s, 64 bytes), stored base64-encoded (ASCII, no line break).
/// </summary>
public static class BundleFormat
{
    /// <summary>The signed manifest (UTF-8 JSON).</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>Base64 of the 64-byte P1363 ECDSA P-256/SHA-256 signature of <see cref="ManifestEntry"/>.</summary>
    public const string SignatureEntry = "manifest.sig";

    /// <summary>The publish folder, a gzip-compressed tar whose entries are relative paths.</summary>
    public const string PayloadEntry = "payload.tar.gz";

    /// <summary>Conventional file extension of a bundle.</summary>
    public const string FileExtension = ".thb";

    /// <summary>Largest manifest or signature entry a reader accepts, in bytes.</summary>
    public const int MaxSmallEntryBytes = 64 * 1024;

    /// <summary>Longest hardware id or release-notes text.</summary>
    public const int MaxReleaseNotesLength = 4000;
}
