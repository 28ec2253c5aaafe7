using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Artifacts.Postgres;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Artifacts;

public static class ArtifactServiceCollectionExtensions
{
    /// <summary>Registers the artifact store (metadata in LiteDB, bytes in the data directory) and its trusted-key options.</summary>
    public static IServiceCollection AddArtifacts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArtifactOptions>().Bind(configuration.GetSection(ArtifactOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArtifactOptions>, ArtifactOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (StorageOptions.IsPostgres(configuration))
        {
            services.TryAddSingleton<IArtifactStore, PostgresArtifactStore>();
        }
        else
        {
            services.TryAddSingleton<IArtifactStore, LiteArtifactStore>();
        }
        services.TryAddSingleton<ArtifactFiles>();
        services.TryAddSingleton<ArtifactService>();
        return services;
    }
}
