using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Hosting;

public static class StartupBanner
{
    /// <summary>Logs, once the host has started, the URLs a person needs (the real ones, also when port 0 was asked for).</summary>
    public static WebApplication LogStartupBanner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = ListeningUrls(app.Services);
            var url = urls.Count > 0 ? urls[0] : "(no HTTP listener)";
            var broker = app.Services.GetRequiredService<IBrokerStatus>().Description;
            var data = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.FullDataDirectory;
            HostingLog.Ready(app.Logger, url, broker, data);
        });
        return app;
    }

    public static IReadOnlyList<string> ListeningUrls(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
