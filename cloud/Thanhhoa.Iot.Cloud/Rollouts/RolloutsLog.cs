namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>The rollout log messages; event ids 6200–6249 are stable.</summary>
internal static partial class RolloutsLog
{
    [LoggerMessage(6200, LogLevel.Information, "Rollout {Rollout} ({Kind}) created by {Actor} for {Devices} devices in {Waves} waves")]
    public static partial void Created(ILogger logger, string rollout, RolloutKind kind, string actor, int devices, int waves);

    [LoggerMessage(6201, LogLevel.Information, "Rollout {Rollout} started wave {Wave} ({Devices} devices)")]
    public static partial void WaveStarted(ILogger logger, string rollout, int wave, int devices);

    [LoggerMessage(6202, LogLevel.Warning, "Rollout {Rollout} halted: {Reason}")]
    public static partial void Halted(ILogger logger, string rollout, string reason);

    [LoggerMessage(6203, LogLevel.Information, "Rollout {Rollout} completed")]
    public static partial void Completed(ILogger logger, string rollout);

    [LoggerMessage(6204, LogLevel.Information, "Rollout {Rollout} is now {State} ({Actor})")]
    public static partial void StateChanged(ILogger logger, string rollout, RolloutState state, string actor);

    [LoggerMessage(6205, LogLevel.Warning, "{Device} stalled in rollout {Rollout}: {Reason}")]
    public static partial void Stalled(ILogger logger, string device, string rollout, string reason);

    [LoggerMessage(6206, LogLevel.Warning, "{Device} reported {State} for rollout {Rollout}: {Reason}")]
    public static partial void DeviceFailed(ILogger logger, string device, string rollout, RolloutDeviceState state, string reason);

    [LoggerMessage(6207, LogLevel.Error, "Rollout work failed ({Work}); it is retried at the next tick, birth or restart")]
    public static partial void WorkFailed(ILogger logger, string work, Exception exception);

    [LoggerMessage(6208, LogLevel.Information, "Re-published the retained desired firmware of {Count} gateways")]
    public static partial void Republished(ILogger logger, int count);
}
