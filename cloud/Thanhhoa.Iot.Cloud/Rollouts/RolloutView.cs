namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>What <c>GET /api/rollouts/{id}</c> returns: the rollout and its progress wave by wave.</summary>
public sealed record RolloutView(Rollout Rollout, IReadOnlyList<WaveProgress> Waves)
{
    public static RolloutView Of(Rollout rollout, IReadOnlyList<RolloutDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var byWave = devices.ToLookup(d => d.Wave);
        var waves = rollout.Waves.Select((percent, i) => WaveProgress.Of(
            i, percent, i < rollout.WaveStartedAt.Count ? rollout.WaveStartedAt[i] : null, byWave[i].ToList())).ToList();
        return new RolloutView(rollout, waves);
    }
}
