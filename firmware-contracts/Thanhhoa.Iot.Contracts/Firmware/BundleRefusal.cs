namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>Why a bundle is not installed. <see cref="BundleRefusals.CodeOf"/> gives the stable wire code.</summary>
public enum BundleRefusal
{
    /// <summary><c>malformed</c>: not a tar file, or <c>manifest.json</c>/<c>payload.tar.gz</c> missing or unreadable.</summary>
    Malformed,

    /// <summary><c>unsigned</c>: no <c>manifest.sig</c>.</summary>
#pragma warning disable CA1720 // "unsigned" is the refusal's name in the contract, not a type
    Unsigned,
#pragma warning restore CA1720

    /// <summary><c>bad-signature</c>: the signature verifies with none of the trusted keys (or the manifest was changed).</summary>
    BadSignature,

    /// <summary><c>tampered-payload</c>: <c>payload.tar.gz</c> does not match the size and SHA-256 the signed manifest names.</summary>
    TamperedPayload,

    /// <summary><c>wrong-hardware</c>: the manifest names other hardware than this gateway's.</summary>
    WrongHardware,

    /// <summary><c>downgrade</c>: older than the running version and not signed as a downgrade (or not asked for as one).</summary>
    Downgrade,

    /// <summary><c>too-old-to-upgrade-from</c>: the running version is older than the manifest's <c>minFromVersion</c>.</summary>
    TooOldToUpgradeFrom,
}
