using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Verifies a downloaded bundle, unpacks it into the inactive slot, marks that slot as on trial and
/// points <c>current</c> at it. Never touches the slot that runs; the caller restarts.
/// </summary>
public sealed class FirmwareInstaller(SlotStateStore store, ISlotSwitcher switcher, IOptions<FirmwareOptions> options)
{
    /// <summary>Checks signature, payload, hardware, downgrade and minimum version.</summary>
    /// <exception cref="FirmwareStepException">Refused (reason starts with the refusal code) or failed (no trusted key readable).</exception>
    public BundleManifest Verify(string bundlePath, FirmwareDesired desired, string running)
    {
        ArgumentNullException.ThrowIfNull(desired);
        using var verifier = CreateVerifier();
        var expectations = new BundleExpectations
        {
            Hardware = options.Value.Hardware,
            Running = SemanticVersion.TryParse(running, out var r) ? r : null,
            DowngradeRequested = desired.Downgrade,
        };
        BundleManifest manifest;
        try
        {
            manifest = verifier.Verify(bundlePath, expectations);
        }
        catch (BundleRefusedException ex)
        {
            File.Delete(bundlePath);
            throw new FirmwareStepException(FirmwareState.Refused, ex.Message, ex);
        }

        if (SemanticVersion.Parse(manifest.Version) != SemanticVersion.Parse(desired.FirmwareVersion))
        {
            throw new FirmwareStepException(FirmwareState.Refused,
                $"malformed: the bundle holds {manifest.Version} but down/firmware asks for {desired.FirmwareVersion}; fix the rollout's artifact.");
        }

        return manifest;
    }

    /// <summary>Unpacks into the inactive slot, records the trial and points <c>current</c> at it; returns the slot.</summary>
    /// <exception cref="FirmwareStepException">Failed: no slot layout, or unpacking failed (the inactive slot is cleared again).</exception>
    public string Install(string bundlePath, BundleManifest manifest, string rolloutId, string running)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var layout = store.Layout;
        var current = switcher.CurrentSlot;
        if (current is null || !SlotLayout.Slots.Contains(current))
        {
            throw new FirmwareStepException(FirmwareState.Failed,
                $"'{Path.Combine(layout.Root, SymlinkSlotSwitcher.CurrentLink)}' does not point at slots/a or slots/b; install thgw with the A/B slot layout (packaging/thgw.service).");
        }

        var target = SlotLayout.Other(current);
        var path = layout.SlotPath(target);
        try
        {
            ClearSlot(path);
            BundleReader.ExtractPayload(bundlePath, path);
            File.WriteAllText(Path.Combine(path, SlotLayout.VersionFile), manifest.Version);
        }
        catch (Exception ex) when (ex is BundleRefusedException or IOException or UnauthorizedAccessException)
        {
            ClearSlot(path);
            throw new FirmwareStepException(FirmwareState.Failed, $"unpacking {manifest.Version} into {path} failed: {ex.Message}", ex);
        }

        var committedVersion = store.Load() is { } before && before.Committed == current ? before.CommittedVersion : running;
        store.Save(new SlotState(current, committedVersion, target, manifest.Version, rolloutId, null));
        store.ResetTrialStarts();
        switcher.Point(target);
        return target;
    }

    private static void ClearSlot(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private BundleVerifier CreateVerifier()
    {
        try
        {
            return new BundleVerifier(options.Value.TrustedKeys.Select(ReadKey));
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new FirmwareStepException(FirmwareState.Failed, $"Firmware:TrustedKeys cannot be used: {ex.Message}", ex);
        }
    }

    private static string ReadKey(string entry) =>
        entry.Contains("-----BEGIN", StringComparison.Ordinal) ? entry : File.ReadAllText(entry);
}
