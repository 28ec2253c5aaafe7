using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the stores (LiteDB today) behind <see cref="ITelemetryStore"/>, <see cref="IDeviceRegistry"/> and <see cref="IRejectLog"/>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LiteDbStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.FullDataDirectory,
            sp.GetService<IStoreWriteObserver>()));
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<ITelemetryStore, LiteTelemetryStore>();
        services.AddSingleton<IDeviceRegistry, LiteDeviceRegistry>();
        services.AddSingleton<IRejectLog>(sp => new LiteRejectLog(
            sp.GetRequiredService<LiteDbStore>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.RecentRejectCapacity));
        return services;
    }
}
