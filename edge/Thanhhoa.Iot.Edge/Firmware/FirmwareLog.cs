using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>The firmware rollout's log messages; event ids 4200–4249 are stable.</summary>
internal static partial class FirmwareLog
{
    [LoggerMessage(4200, LogLevel.Information, "Firmware rollout {RolloutId}: {State} (running {Running}, target {Target})")]
    public static partial void Step(ILogger logger, string rolloutId, string state, string running, string target);

    [LoggerMessage(4201, LogLevel.Warning, "Firmware rollout {RolloutId} ended {State}: {Reason}")]
    public static partial void Ended(ILogger logger, string rolloutId, string state, string reason);

    [LoggerMessage(4202, LogLevel.Warning, "Firmware download of rollout {RolloutId} dropped at byte {Offset} (attempt {Attempt}): {Reason}; resuming")]
    public static partial void DownloadDropped(ILogger logger, string rolloutId, long offset, int attempt, string reason);

    [LoggerMessage(4203, LogLevel.Information, "down/firmware ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string reason);

    [LoggerMessage(4204, LogLevel.Information, "Firmware trial of {Version} in slot {Slot}: start {Start} of at most {Max}; healthy within {Window} commits it")]
    public static partial void TrialStart(ILogger logger, string version, string slot, int start, int max, TimeSpan window);

    [LoggerMessage(4205, LogLevel.Error, "Firmware trial check could not run: {Reason}; the gateway keeps running the slot it started from")]
    public static partial void BootCheckFailed(ILogger logger, string reason);
}
