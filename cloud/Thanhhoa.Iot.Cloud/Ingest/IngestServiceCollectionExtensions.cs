using Microsoft.Extensions.DependencyInjection.Extensions;
using Thanhhoa.Iot.Cloud.LossLedger;

namespace Thanhhoa.Iot.Cloud.Ingest;

public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestPipeline>();
        services.TryAddSingleton<IControlSequenceStore, LiteControlSequenceStore>();
        return services;
    }
}
