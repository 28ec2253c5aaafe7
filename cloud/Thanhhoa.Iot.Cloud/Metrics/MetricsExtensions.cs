using Prometheus;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Metrics;

public static class MetricsExtensions
{
    public static IServiceCollection AddCloudMetrics(this IServiceCollection services)
    {
        services.AddSingleton<CloudMetrics>();
        services.AddSingleton<IIngestObserver>(sp => sp.GetRequiredService<CloudMetrics>());
        services.AddSingleton<IStoreWriteObserver>(sp => sp.GetRequiredService<CloudMetrics>());
        return services;
    }

    /// <summary>Prometheus text format at <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapCloudMetrics(this IEndpointRouteBuilder app)
    {
        var registry = app.ServiceProvider.GetRequiredService<CloudMetrics>().Registry;
        app.MapMetrics("/metrics", registry).ExcludeFromDescription();
        return app;
    }
}
