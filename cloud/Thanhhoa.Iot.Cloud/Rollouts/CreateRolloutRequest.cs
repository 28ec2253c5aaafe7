using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Body of <c>POST /api/rollouts</c>.</summary>
/// <param name="Kind">firmware or config.</param>
/// <param name="ArtifactId">Firmware: the uploaded, verified bundle.</param>
/// <param name="Config">Config: the settings each device gets as its overrides (over what it has).</param>
/// <param name="Target">Which devices.</param>
/// <param name="Waves">Cumulative percentages of the target, ascending, ending at 100; e.g. [1,10,50,100].</param>
/// <param name="MinSuccessPercent">A wave starts only when this share of the previous wave committed.</param>
/// <param name="ErrorThresholdPercent">The rollout halts when failed or rolled-back devices pass this share of the released ones.</param>
/// <param name="MaintenanceWindow">Waves start only inside it; null for any time.</param>
/// <param name="StallAfter">A released device without progress for this long shows as stalled.</param>
/// <param name="Downgrade">Firmware: allow a version lower than the running one.</param>
/// <param name="Name">Free text for people.</param>
public sealed record CreateRolloutRequest(
    RolloutKind Kind,
    string? ArtifactId = null,
    ConfigSettings? Config = null,
    RolloutTarget? Target = null,
    IReadOnlyList<int>? Waves = null,
    int MinSuccessPercent = 95,
    int ErrorThresholdPercent = 10,
    MaintenanceWindow? MaintenanceWindow = null,
    TimeSpan? StallAfter = null,
    bool Downgrade = false,
    string? Name = null);
