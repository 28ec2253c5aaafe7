using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Sites, the uptime ledger, the live dashboard and its ingest hook; the demo seed when Demo:SeedSites is set. The
    /// stores behind them are AddStorage's. Under PostgreSQL the live view also follows what other nodes stored.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<UptimeOptions>().Bind(configuration.GetSection(UptimeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UptimeOptions>, UptimeOptionsValidator>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(new EmbeddedWebRoot(typeof(DashboardServiceCollectionExtensions).Assembly));
        services.AddSingleton(sp => ProvinceMap.Load(sp.GetRequiredService<EmbeddedWebRoot>()));
        services.AddSingleton<DemoHistorySeeder>();
        services.AddHostedService<DemoSiteSeeder>();

        services.AddSingleton<LedgerLoader>();
        services.AddSingleton<DeviceHistoryCache>();
        services.AddSingleton<UptimeService>();
        var postgres = configuration.GetSection(StorageOptions.Section).GetValue(nameof(StorageOptions.Provider), StorageProvider.LiteDb) == StorageProvider.Postgres;
        var external = configuration.GetSection(BrokerOptions.Section).GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded) == BrokerMode.External;
        if (!(postgres && external))
        {
            // With a shared link history and an external broker, a node's restart is not the gateways' loss of contact:
            // they stay connected to the broker and other nodes keep ingesting; deaths come from their wills.
            services.AddHostedService<ContactAtRestart>();
        }

        services.AddHostedService<LedgerWarmup>();

        services.AddSingleton<LiveDevices>();
        services.AddSingleton<SiteBoard>();
        services.AddSingleton<AvailabilityReport>();
        services.AddSingleton<IndicatorReport>();
        services.AddSingleton<DashboardFeed>();
        services.AddSingleton<SitePush>();
        if (postgres)
        {
            services.AddHostedService<ClusterLiveView>();
        }

        services.AddSingleton<IIngestListener, DashboardIngestListener>();
        return services;
    }

    /// <summary>The page at <c>/</c> with its scripts, styles and map data (all embedded), and the dashboard's APIs.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IFileProvider files = app.Services.GetRequiredService<EmbeddedWebRoot>();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider { Mappings = { [".geojson"] = "application/geo+json" } },
        });
        app.MapSitesApi().MapReportsApi().MapAlarmsApi().MapStreamApi();
        return app;
    }
}
