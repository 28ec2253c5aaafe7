using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>How a gateway's firmware report moves its rollout entry. A finished entry stays as it is.</summary>
public static class FirmwareProgress
{
    /// <summary>The entry after <paramref name="report"/>, or null when nothing changes.</summary>
    public static RolloutDevice? Apply(RolloutDevice device, FirmwareReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(report);
        if (device.Finished)
        {
            return null;
        }

        var state = StateOf(report.State);
        var finished = state is RolloutDeviceState.Committed or RolloutDeviceState.Failed or RolloutDeviceState.RolledBack;
        return device with
        {
            State = state,
            Bytes = report.Bytes ?? device.Bytes,
            Total = report.Total ?? device.Total,
            Running = report.Running,
            LastProgressAt = now,
            FinishedAt = finished ? now : null,
            Reason = state is RolloutDeviceState.Failed or RolloutDeviceState.RolledBack
                ? $"{Wire(report.State)}: {report.Reason ?? "no reason given"}"
                : null,

            // A device that reports before its wave was stored as released (or after a cloud restart) still counts as released.
            ReleasedAt = device.ReleasedAt ?? now,
        };
    }

    public static RolloutDeviceState StateOf(FirmwareState state) => state switch
    {
        FirmwareState.Downloading => RolloutDeviceState.Downloading,
        FirmwareState.Downloaded or FirmwareState.Installing or FirmwareState.Restarting => RolloutDeviceState.Installed,
        FirmwareState.Committed => RolloutDeviceState.Committed,
        FirmwareState.RolledBack => RolloutDeviceState.RolledBack,
        _ => RolloutDeviceState.Failed,
    };

    private static string Wire(FirmwareState state) => state switch
    {
        FirmwareState.RolledBack => "rolled-back",
        _ => state.ToString().ToLowerInvariant(),
    };
}
