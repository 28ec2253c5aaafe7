namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>One wave of a rollout: its cumulative percentage, its devices and how many are in each state.</summary>
public sealed record WaveProgress(
    int Index,
    int Percent,
    int Devices,
    DateTimeOffset? StartedAt,
    int Pending,
    int Downloading,
    int Installed,
    int Committed,
    int RolledBack,
    int Failed,
    int Stalled)
{
    public static WaveProgress Of(int index, int percent, DateTimeOffset? startedAt, IReadOnlyCollection<RolloutDevice> devices)
    {
        int Count(RolloutDeviceState s) => devices.Count(d => d.State == s);
        return new WaveProgress(index, percent, devices.Count, startedAt,
            Count(RolloutDeviceState.Pending), Count(RolloutDeviceState.Downloading), Count(RolloutDeviceState.Installed),
            Count(RolloutDeviceState.Committed), Count(RolloutDeviceState.RolledBack), Count(RolloutDeviceState.Failed), Count(RolloutDeviceState.Stalled));
    }
}
