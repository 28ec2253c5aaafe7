using Microsoft.Extensions.DependencyInjection.Extensions;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

public static class DesiredConfigServiceCollectionExtensions
{
    /// <summary>Registers desired configuration (LiteDB documents, report ingest, retained re-publishing). Needs <see cref="CommandServiceCollectionExtensions.AddCommands"/> for delivery.</summary>
    public static IServiceCollection AddDesiredConfig(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDesiredConfigStore, LiteDesiredConfigStore>();
        services.TryAddSingleton<DesiredConfigService>();
        services.TryAddSingleton<DesiredConfigWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DesiredConfigWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceOnlineObserver, DesiredConfigWorker>(sp => sp.GetRequiredService<DesiredConfigWorker>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUpMessageConsumer, ConfigReportConsumer>());
        return services;
    }
}
