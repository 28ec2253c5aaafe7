using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>Partition maintenance as a singleton job: one node per period makes partitions ahead and drops expired ones.</summary>
public sealed class PartitionMaintenanceJob(PostgresStore store, ILogger<PartitionMaintenanceJob> logger) : ISingletonJob
{
    public string Name => "storage.partitions";

    public TimeSpan Interval => store.Options.MaintenanceInterval;

    public async Task RunAsync(long period, CancellationToken cancellationToken)
    {
        var (created, dropped) = await store.Partitions.RunAsync(cancellationToken).ConfigureAwait(false);
        if (created + dropped > 0)
        {
            PostgresLog.PartitionsMaintained(logger, created, dropped);
        }
    }
}
