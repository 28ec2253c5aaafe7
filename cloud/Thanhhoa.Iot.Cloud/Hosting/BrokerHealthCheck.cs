using Microsoft.Extensions.Diagnostics.HealthChecks;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Hosting;

/// <summary>Healthy while gateways' messages can reach ingest (embedded broker listening, or external broker connected).</summary>
public sealed class BrokerHealthCheck(IBrokerStatus broker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(broker.IsReady ? HealthCheckResult.Healthy(broker.Description) : HealthCheckResult.Unhealthy(broker.Description));
}
