namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>One device in one rollout: its wave and where it is.</summary>
public sealed record RolloutDevice
{
    public required string RolloutId { get; init; }

    public required string DeviceId { get; init; }

    /// <summary>Index of the wave it belongs to (0 = the canary).</summary>
    public int Wave { get; init; }

    public RolloutDeviceState State { get; init; }

    /// <summary>When its wave released it to the device (desired firmware or config published); null before.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Last report or state change that showed progress.</summary>
    public DateTimeOffset? LastProgressAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Firmware: bytes downloaded so far and the bundle's size.</summary>
    public long? Bytes { get; init; }

    public long? Total { get; init; }

    /// <summary>What the device runs (firmware version, or the applied configuration revision).</summary>
    public string? Running { get; init; }

    /// <summary>Config: the desired-configuration revision this rollout gave the device.</summary>
    public long? TargetConfigVersion { get; init; }

    /// <summary>Failed/rolled-back: the device's reason; stalled: why it counts as stalled.</summary>
    public string? Reason { get; init; }

    public bool Released => ReleasedAt is not null;

    /// <summary>Committed, failed or rolled back: nothing more will happen.</summary>
    public bool Finished => State is RolloutDeviceState.Committed or RolloutDeviceState.Failed or RolloutDeviceState.RolledBack;

    public bool Failure => State is RolloutDeviceState.Failed or RolloutDeviceState.RolledBack;
}
