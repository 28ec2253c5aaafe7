using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.LossLedger.Postgres;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Ingest;

public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<IngestOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(IngestOptions.Section));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddSingleton<IngestPace>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestPipeline>();
        if (configuration is not null && StorageOptions.IsPostgres(configuration))
        {
            services.TryAddSingleton<IControlSequenceStore, PostgresControlSequenceStore>();
        }
        else
        {
            services.TryAddSingleton<IControlSequenceStore, LiteControlSequenceStore>();
        }
        return services;
    }
}
