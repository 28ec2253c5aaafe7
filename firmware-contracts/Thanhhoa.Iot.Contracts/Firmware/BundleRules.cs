namespace Thanhhoa.Iot.Contracts.Firmware;

/// <summary>The checks of a signed manifest: its own shape, then what the installing gateway expects.</summary>
internal static class BundleRules
{
    public static void CheckShape(BundleManifest manifest)
    {
        if (!SemanticVersion.TryParse(manifest.Version, out _))
        {
            throw Malformed($"version '{manifest.Version}' is not a semantic version");
        }

        if (manifest.MinFromVersion is { } min && !SemanticVersion.TryParse(min, out _))
        {
            throw Malformed($"minFromVersion '{min}' is not a semantic version");
        }

        if (!ContractInfo.IsValidId(manifest.Hardware))
        {
            throw Malformed($"hardware '{manifest.Hardware}' is not a hardware id");
        }

        if (manifest.Size < 0 || manifest.Sha256 is not { Length: 64 })
        {
            throw Malformed($"size {manifest.Size} / sha256 '{manifest.Sha256}' do not describe a payload");
        }
    }

    public static void Check(BundleManifest manifest, BundleExpectations expected)
    {
        if (expected.Hardware is { } hardware && !string.Equals(hardware, manifest.Hardware, StringComparison.Ordinal))
        {
            throw new BundleRefusedException(BundleRefusal.WrongHardware,
                $"the bundle is built for '{manifest.Hardware}' and this gateway is '{hardware}'; publish a bundle for '{hardware}'.");
        }

        if (expected.Running is not { } running)
        {
            return;
        }

        var version = SemanticVersion.Parse(manifest.Version);
        if (version < running && !(manifest.Downgrade && expected.DowngradeRequested))
        {
            throw new BundleRefusedException(BundleRefusal.Downgrade,
                $"{manifest.Version} is older than the running {running}; a downgrade needs a bundle signed with --downgrade and a rollout with downgrade: true"
                + $" (bundle says {Flag(manifest.Downgrade)}, rollout says {Flag(expected.DowngradeRequested)}).");
        }

        if (manifest.MinFromVersion is { } minText && running < SemanticVersion.Parse(minText))
        {
            throw new BundleRefusedException(BundleRefusal.TooOldToUpgradeFrom,
                $"{manifest.Version} installs only over {minText} or newer and this gateway runs {running}; roll out an intermediate version first.");
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static BundleRefusedException Malformed(string detail) =>
        new(BundleRefusal.Malformed, $"{BundleFormat.ManifestEntry} is signed but {detail}; rebuild the bundle with 'thgw bundle create'.");
}
