using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores behind <see cref="ITelemetryStore"/>, <see cref="IDeviceRegistry"/> and <see cref="IRejectLog"/>
    /// (LiteDB files, or PostgreSQL when Storage:Provider = Postgres), and the coordination of several nodes on them.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.Section);
        services.AddOptions<StorageOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, PostgresStorageOptionsValidator>();
        var provider = section.GetValue(nameof(StorageOptions.Provider), StorageProvider.LiteDb);
        if (provider == StorageProvider.Postgres)
        {
            AddPostgres(services);
        }
        else
        {
            AddLiteDb(services);
        }

        return services.AddCoordination(configuration, provider);
    }

    private static void AddLiteDb(IServiceCollection services)
    {
        services.AddSingleton(sp => new LiteDbStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.FullDataDirectory,
            sp.GetService<IStoreWriteObserver>()));
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<LiteDbStore>());

        // A file of the layout before reading blocks is converted after start, beside live ingest (not under
        // PostgreSQL: the node-local file never held readings).
        services.AddHostedService<LegacyReadingsConverter>();
        services.AddSingleton<ITelemetryStore, LiteTelemetryStore>();
        services.AddSingleton<IDeviceRegistry, LiteDeviceRegistry>();
        services.AddSingleton<IReadingsWriter, LiteReadingsWriter>();
        services.AddSingleton<IRejectLog>(sp => new LiteRejectLog(
            sp.GetRequiredService<LiteDbStore>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.RecentRejectCapacity));
        services.AddSingleton<ISiteCatalog, LiteSiteCatalog>();
        services.AddSingleton<ILinkHistoryStore, LiteLinkHistoryStore>();
        services.AddSingleton<IObservationStore, LiteObservationStore>();
        services.AddSingleton<IAlarmAckStore, LiteAlarmAckStore>();
    }

    private static void AddPostgres(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PostgresStore(o.ConnectionString!, o.Postgres, sp.GetRequiredService<TimeProvider>(), sp.GetService<IStoreWriteObserver>());
        });

        // Registered before the broker's hosted services, so the schema exists before the first message.
        services.AddHostedService<PostgresStartup>();
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<ITelemetryStore, PostgresTelemetryStore>();
        services.AddSingleton<IDeviceRegistry, PostgresDeviceRegistry>();
        services.AddSingleton<IReadingsWriter, PostgresReadingsWriter>();
        services.AddSingleton<IRejectLog>(sp => new PostgresRejectLog(
            sp.GetRequiredService<PostgresStore>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.RecentRejectCapacity));
        services.AddSingleton<ISingletonJob, PartitionMaintenanceJob>();

        // The dashboard's stores, shared by every node (the live view that follows them is added by AddDashboard).
        services.AddOptions<ClusterViewOptions>().BindConfiguration(ClusterViewOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterViewOptions>, ClusterViewOptionsValidator>();
        services.AddSingleton<PostgresSiteCatalog>();
        services.AddSingleton<ISiteCatalog>(sp => sp.GetRequiredService<PostgresSiteCatalog>());
        services.AddSingleton<PostgresLinkHistoryStore>();
        services.AddSingleton<ILinkHistoryStore>(sp => sp.GetRequiredService<PostgresLinkHistoryStore>());
        services.AddSingleton<PostgresObservationStore>();
        services.AddSingleton<IObservationStore>(sp => sp.GetRequiredService<PostgresObservationStore>());
        services.AddSingleton<PostgresAlarmAckStore>();
        services.AddSingleton<IAlarmAckStore>(sp => sp.GetRequiredService<PostgresAlarmAckStore>());

        // A node-local LiteDB file for the stores that keep one under PostgreSQL.
        services.AddSingleton(sp => new LiteDbStore(
            Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.FullDataDirectory, "node-local"),
            sp.GetService<IStoreWriteObserver>()));
    }
}
