using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Rollouts.Postgres;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Rollouts;

public static class RolloutServiceCollectionExtensions
{
    /// <summary>
    /// Registers rollouts (LiteDB store, wave engine as a singleton job, firmware-report ingest, retained
    /// re-publishing). Needs <c>AddCommands</c> (delivery), <c>AddDesiredConfig</c> and <c>AddArtifacts</c>.
    /// </summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RolloutOptions>().Bind(configuration.GetSection(RolloutOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolloutOptions>, RolloutOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (StorageOptions.IsPostgres(configuration))
        {
            services.TryAddSingleton<IRolloutStore, PostgresRolloutStore>();
        }
        else
        {
            services.TryAddSingleton<IRolloutStore, LiteRolloutStore>();
        }
        services.TryAddSingleton<RolloutPlanner>();
        services.TryAddSingleton<RolloutDelivery>();
        services.TryAddSingleton<RolloutService>();
        services.TryAddSingleton<WaveEngine>();
        services.AddSingleton<ISingletonJob, RolloutWaveJob>();
        services.TryAddSingleton<IArtifactDownloadGrants, RolloutDownloadGrants>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUpMessageConsumer, FirmwareReportConsumer>());
        services.TryAddSingleton<FirmwareRepublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<FirmwareRepublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIngestListener, FirmwareRepublisher>(sp => sp.GetRequiredService<FirmwareRepublisher>()));
        return services;
    }
}
