using Microsoft.Extensions.Diagnostics.HealthChecks;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Hosting;

/// <summary>Healthy when the store commits a small write durably within a few seconds.</summary>
public sealed class StoreHealthCheck(IStoreHealth store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ProbeWriteAsync(cancellationToken).WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("store writable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"store not writable: {ex.Message}. Check the data directory's disk space and permissions.", ex);
        }
    }
}
