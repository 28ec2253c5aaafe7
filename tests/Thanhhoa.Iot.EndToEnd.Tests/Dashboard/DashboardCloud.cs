using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Thanhhoa.Iot.Cloud;
using Thanhhoa.Iot.Cloud.Hosting;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>
/// The real cloud (CloudApp.Build: embedded broker, LiteDB, dashboard) in this process, on free loopback ports,
/// in Security:Mode=Development like the demo: the page reads without a key and the test gateways are not provisioned.
/// </summary>
internal sealed class DashboardCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardCloud(WebApplication app, int mqttPort)
    {
        _app = app;
        MqttPort = mqttPort;
        BaseAddress = new Uri(StartupBanner.ListeningUrls(app.Services)[0] + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public int MqttPort { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="extraArgs">More settings, e.g. <c>--Security:Mode=Enforced</c> (later ones win).</param>
    public static async Task<DashboardCloud> StartAsync(string dataDirectory, int seedSites, int historyDays = 0, params string[] extraArgs)
    {
        var mqttPort = FreeTcpPort.Next();
        var app = CloudApp.Build([
            "--Urls=http://127.0.0.1:0", $"--Storage:DataDirectory={dataDirectory}", "--Broker:Mode=Embedded", $"--Broker:Port={mqttPort}",
            $"--Demo:SeedSites={seedSites}", $"--Demo:HistoryDays={historyDays}", "--Logging:LogLevel:Default=Warning", "--Security:Mode=Development", .. extraArgs,
        ]);
        await app.StartAsync();
        return new DashboardCloud(app, mqttPort);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
