using Microsoft.Extensions.DependencyInjection.Extensions;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Coordination;

public static class CoordinationServiceCollectionExtensions
{
    /// <summary>
    /// Leases and the singleton job runner (in the database with PostgreSQL, in memory for one LiteDB node),
    /// and, for several nodes sharing an external broker, the ingest membership that adopts a dead node's session.
    /// </summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services, IConfiguration configuration, StorageProvider provider)
    {
        services.TryAddSingleton(TimeProvider.System);
        var section = configuration.GetSection(CoordinationOptions.Section);
        services.AddOptions<CoordinationOptions>().Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.NodeId), "Coordination:NodeId is empty; leave it unset (host name and process id) or name the node.")
            .Validate(o => o.ProbeInterval >= TimeSpan.Zero, "Coordination:ProbeInterval is negative; use 0 (off) or e.g. 00:00:10.")
            .Validate(o => o.MemberLeaseTtl >= TimeSpan.FromSeconds(2), "Coordination:MemberLeaseTtl must be at least 00:00:02.")
            .ValidateOnStart();
        if (provider == StorageProvider.Postgres)
        {
            services.AddSingleton<ILeaseStore, PostgresLeaseStore>();
            services.AddSingleton<IClusterProbeLog, PostgresClusterProbeLog>();
        }
        else
        {
            services.AddSingleton<ILeaseStore, SingleNodeLeaseStore>();
            services.AddSingleton<IClusterProbeLog, InMemoryClusterProbeLog>();
        }

        if (section.GetValue(nameof(CoordinationOptions.ProbeInterval), TimeSpan.Zero) > TimeSpan.Zero)
        {
            services.AddSingleton<ISingletonJob, ClusterProbeJob>();
        }

        services.AddHostedService<SingletonJobRunner>();
        var external = configuration.GetSection(BrokerOptions.Section);
        var sharedIngest = external.GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded) == BrokerMode.External
            && !string.IsNullOrEmpty(external.GetSection(nameof(BrokerOptions.External)).GetValue<string>(nameof(ExternalBrokerOptions.SharedGroup)));
        if (sharedIngest && provider == StorageProvider.Postgres)
        {
            services.AddSingleton<IngestMembership>();
            services.AddHostedService(sp => sp.GetRequiredService<IngestMembership>());
        }

        return services;
    }
}
