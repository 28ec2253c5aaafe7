using Microsoft.Extensions.DependencyInjection.Extensions;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.DesiredConfig.Postgres;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

public static class DesiredConfigServiceCollectionExtensions
{
    /// <summary>Registers desired configuration (LiteDB or PostgreSQL documents, by Storage:Provider; report ingest, retained re-publishing). Needs <see cref="CommandServiceCollectionExtensions.AddCommands"/> for delivery.</summary>
    public static IServiceCollection AddDesiredConfig(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (StorageOptions.IsPostgres(configuration))
        {
            services.TryAddSingleton<IDesiredConfigStore, PostgresDesiredConfigStore>();
        }
        else
        {
            services.TryAddSingleton<IDesiredConfigStore, LiteDesiredConfigStore>();
        }

        services.TryAddSingleton<DesiredConfigService>();
        services.TryAddSingleton<DesiredConfigWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DesiredConfigWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIngestListener, DesiredConfigWorker>(sp => sp.GetRequiredService<DesiredConfigWorker>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUpMessageConsumer, ConfigReportConsumer>());
        return services;
    }
}
