using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// A diagnostic singleton job (off unless <see cref="CoordinationOptions.ProbeInterval"/> is set): each run
/// records (period, node), with no uniqueness of its own, so two rows for one period would show that
/// the cluster ran a singleton job twice.
/// </summary>
public sealed class ClusterProbeJob(IClusterProbeLog log, IOptions<CoordinationOptions> options, TimeProvider time, ILogger<ClusterProbeJob> logger)
    : ISingletonJob
{
    public string Name => "cluster.probe";

    public TimeSpan Interval => options.Value.ProbeInterval;

    public async Task RunAsync(long period, CancellationToken cancellationToken)
    {
        // The claimed period, not one computed from the clock now: a run that starts late must not look like the next period's.
        await log.RecordAsync(period, options.Value.NodeId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        CoordinationLog.Probe(logger, options.Value.NodeId, period);
    }
}
