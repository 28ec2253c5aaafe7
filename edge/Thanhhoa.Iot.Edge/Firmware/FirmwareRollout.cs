using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// One rollout on this gateway, step by step, each reported: free-space check, download (resumable,
/// capped), verify, install into the inactive slot, restart into it. The health check after the
/// restart is <see cref="FirmwareBootCheck"/>'s.
/// </summary>
public sealed class FirmwareRollout(
    FirmwareDownloader downloader,
    FirmwareInstaller installer,
    FirmwareReporter reporter,
    ISlotSwitcher switcher,
    IFreeSpaceProbe disk,
    IOptions<FirmwareOptions> options,
    string downloadDirectory)
{
    /// <summary>Runs the rollout; returns the terminal state it reported (failed or refused), or null once restarting into the trial.</summary>
    public async Task<FirmwareState?> RunAsync(FirmwareDesired desired, string running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var id = desired.RolloutId;
        var target = desired.FirmwareVersion;
        try
        {
            CheckFreeSpace(desired);
            var bundle = await downloader.DownloadAsync(desired, downloadDirectory,
                (bytes, total) => reporter.ProgressAsync(id, running, target, bytes, total, cancellationToken), cancellationToken).ConfigureAwait(false);
            await reporter.ReportAsync(id, FirmwareState.Downloaded, running, target, null, cancellationToken).ConfigureAwait(false);
            var manifest = installer.Verify(bundle, desired, running);
            await reporter.ReportAsync(id, FirmwareState.Installing, running, target, null, cancellationToken).ConfigureAwait(false);
            installer.Install(bundle, manifest, id, running);
            File.Delete(bundle);
            await reporter.ReportAsync(id, FirmwareState.Restarting, running, target, null, cancellationToken).ConfigureAwait(false);
            await switcher.RestartAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (FirmwareStepException ex)
        {
            await reporter.ReportAsync(id, ex.State, running, target, ex.Message, CancellationToken.None).ConfigureAwait(false);
            return ex.State;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var reason = $"{ex.Message}; check the permissions and free space of {downloadDirectory} and {options.Value.SlotsRoot}";
            await reporter.ReportAsync(id, FirmwareState.Failed, running, target, reason, CancellationToken.None).ConfigureAwait(false);
            return FirmwareState.Failed;
        }
    }

    private void CheckFreeSpace(FirmwareDesired desired)
    {
        var part = FirmwareDownloader.PartialPath(downloadDirectory, desired.RolloutId);
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        // The rest of the bundle, its unpacked copy (at most about twice the compressed size), and a margin.
        var needed = (desired.Size - have) + (2 * desired.Size) + options.Value.FreeSpaceMarginBytes;
        var free = disk.FreeBytes(downloadDirectory);
        if (free < needed)
        {
            throw new FirmwareStepException(FirmwareState.Refused,
                $"no-disk-space: {desired.FirmwareVersion} needs {needed} bytes free under {downloadDirectory} and {free} are; free space on the gateway (old logs, /var/lib/thgw) and send the rollout again.");
        }
    }
}
