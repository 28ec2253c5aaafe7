using Thanhhoa.Iot.Cloud.Apis;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Hosting;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Metrics;
using Thanhhoa.Iot.Cloud.Storage;

await Program.BuildApp(args).RunAsync();

public partial class Program
{
    /// <summary>
    /// Composes the cloud. Tests start this same composition on free ports (see CloudHost in the tests);
    /// <paramref name="overrideServices"/> lets them observe it, and is null in production.
    /// </summary>
    public static WebApplication BuildApp(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCloudMetrics().AddStorage(builder.Configuration).AddIngest().AddBroker(builder.Configuration)
            .AddCloudApis().AddCloudHealth();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapDevicesApi().MapRejectsApi().MapCloudHealth().MapCloudMetrics();
        return app.LogStartupBanner();
    }
}
