using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Every Rollouts:TickInterval, once across all cloud nodes (a singleton job under the lease store): one <see cref="WaveEngine"/> step.</summary>
public sealed class RolloutWaveJob(WaveEngine engine, IOptions<RolloutOptions> options) : ISingletonJob
{
    public string Name => "rollouts.waves";

    public TimeSpan Interval => options.Value.TickInterval;

    public Task RunAsync(long period, CancellationToken cancellationToken) => engine.TickAsync(cancellationToken);
}
