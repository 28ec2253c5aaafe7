using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>Sites, the uptime ledger, the live dashboard and its ingest hook; the demo seed when Demo:SeedSites is set.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<UptimeOptions>().Bind(configuration.GetSection(UptimeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UptimeOptions>, UptimeOptionsValidator>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(new EmbeddedWebRoot(typeof(DashboardServiceCollectionExtensions).Assembly));
        services.AddSingleton(sp => ProvinceMap.Load(sp.GetRequiredService<EmbeddedWebRoot>()));
        services.AddSingleton<ISiteCatalog, LiteSiteCatalog>();
        services.AddSingleton<DemoHistorySeeder>();
        services.AddHostedService<DemoSiteSeeder>();

        services.AddSingleton<LinkHistoryStore>();
        services.AddSingleton<ObservationStore>();
        services.AddSingleton<LedgerLoader>();
        services.AddSingleton<DeviceHistoryCache>();
        services.AddSingleton<UptimeService>();
        services.AddHostedService<ContactAtRestart>();
        services.AddHostedService<LedgerWarmup>();

        services.AddSingleton<LiveDevices>();
        services.AddSingleton<AlarmAckStore>();
        services.AddSingleton<SiteBoard>();
        services.AddSingleton<AvailabilityReport>();
        services.AddSingleton<IndicatorReport>();
        services.AddSingleton<DashboardFeed>();
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
