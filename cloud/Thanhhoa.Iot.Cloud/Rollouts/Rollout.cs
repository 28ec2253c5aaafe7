using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// A rollout as stored: what it delivers, to whom (the device list is fixed at creation, in wave order,
/// see <see cref="RolloutDevice.Wave"/>), its rules, and where it is. <see cref="CurrentWave"/> is -1
/// before the first wave starts.
/// </summary>
public sealed record Rollout
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public RolloutKind Kind { get; init; }

    public RolloutState State { get; init; }

    public string? ArtifactId { get; init; }

    /// <summary>Firmware: the bundle's version; config: null.</summary>
    public string? Version { get; init; }

    public string? Sha256 { get; init; }

    public long Size { get; init; }

    public bool Downgrade { get; init; }

    public ConfigSettings? Config { get; init; }

    public RolloutTarget Target { get; init; } = new();

    public IReadOnlyList<int> Waves { get; init; } = [100];

    public int MinSuccessPercent { get; init; }

    public int ErrorThresholdPercent { get; init; }

    public MaintenanceWindow? MaintenanceWindow { get; init; }

    public TimeSpan StallAfter { get; init; }

    public int DeviceCount { get; init; }

    public int CurrentWave { get; init; } = -1;

    public IReadOnlyList<DateTimeOffset> WaveStartedAt { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why it halted, or who cancelled or paused it.</summary>
    public string? Reason { get; init; }

    /// <summary>True while the rollout may still change devices (running, paused or halted).</summary>
    public bool IsActive => State is RolloutState.Running or RolloutState.Paused or RolloutState.Halted;
}
