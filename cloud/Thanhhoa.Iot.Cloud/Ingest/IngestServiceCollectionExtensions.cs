using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Thanhhoa.Iot.Cloud.Ingest;

public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestPipeline>();
        return services;
    }
}
