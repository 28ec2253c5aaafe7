namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>Stable wire codes of <see cref="BundleRefusal"/>; a refused firmware report's reason starts with one.</summary>
public static class BundleRefusals
{
    /// <summary>The code, e.g. <c>bad-signature</c>.</summary>
    public static string CodeOf(BundleRefusal refusal) => refusal switch
    {
        BundleRefusal.Malformed => "malformed",
        BundleRefusal.Unsigned => "unsigned",
        BundleRefusal.BadSignature => "bad-signature",
        BundleRefusal.TamperedPayload => "tampered-payload",
        BundleRefusal.WrongHardware => "wrong-hardware",
        BundleRefusal.Downgrade => "downgrade",
        BundleRefusal.TooOldToUpgradeFrom => "too-old-to-upgrade-from",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Unknown bundle refusal."),
    };
}
