using Microsoft.AspNetCore.Builder;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Hosting;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Metrics;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Hosting;

/// <summary>
/// Starts the real cloud composition (CloudApp.Build) on real Kestrel at a free loopback port, with
/// the embedded broker on another free port (or an external broker) and LiteDB in the given directory.
/// Self-contained on purpose, so end-to-end tests can copy it: it needs only CloudApp.Build and the
/// configuration keys below. Runs with <c>Security:Mode=Development</c> (simulated gateways connect without
/// provisioning) unless the test passes <c>--Security:Mode=Enforced</c>; <see cref="Http"/> carries the
/// bootstrap admin key the cloud wrote on first run, so tests may call every endpoint.
/// </summary>
public sealed class CloudHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly WebApplication _app;

    private CloudHost(WebApplication app, string dataDirectory, int mqttPort, CloudSignals signals)
    {
        _app = app;
        DataDirectory = dataDirectory;
        MqttPort = mqttPort;
        Signals = signals;
        BaseAddress = new Uri(StartupBanner.ListeningUrls(app.Services)[0]);
        var keyFile = Path.Combine(dataDirectory, "security", "bootstrap-admin.key");
        AdminKey = File.Exists(keyFile) ? File.ReadAllText(keyFile).Trim() : null;
        Http = new HttpClient { BaseAddress = BaseAddress };
        if (AdminKey is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        }
    }

    public Uri BaseAddress { get; }

    /// <summary>HTTP client of the cloud's bootstrap admin.</summary>
    public HttpClient Http { get; }

    /// <summary>The bootstrap admin API key (from the owner-only file the cloud wrote on first run).</summary>
    public string? AdminKey { get; }

    /// <summary>Embedded broker port (0 in external mode).</summary>
    public int MqttPort { get; }

    public string DataDirectory { get; }

    public CloudSignals Signals { get; }

    public IServiceProvider Services => _app.Services;

    public IBrokerStatus Broker => _app.Services.GetRequiredService<IBrokerStatus>();

    /// <summary>Starts the cloud with its embedded broker.</summary>
    public static Task<CloudHost> StartEmbeddedAsync(string dataDirectory, params string[] extraArgs) =>
        StartEmbeddedAsync(dataDirectory, null, extraArgs);

    /// <summary>Starts the cloud with its embedded broker; <paramref name="overrideServices"/> may observe or replace services (e.g. a fake clock).</summary>
    public static Task<CloudHost> StartEmbeddedAsync(string dataDirectory, Action<IServiceCollection>? overrideServices, params string[] extraArgs)
    {
        var port = FreeTcpPort.Next();
        return StartAsync(dataDirectory, port, overrideServices, ["--Broker:Mode=Embedded", $"--Broker:Port={port}", .. extraArgs]);
    }

    /// <summary>Starts the cloud subscribed to an external broker at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static Task<CloudHost> StartExternalAsync(string dataDirectory, string host, int port, params string[] extraArgs) =>
        StartExternalAsync(dataDirectory, host, port, null, extraArgs);

    /// <summary>As above; <paramref name="overrideServices"/> may replace services (e.g. inject a store fault).</summary>
    public static Task<CloudHost> StartExternalAsync(
        string dataDirectory, string host, int port, Action<IServiceCollection>? overrideServices, params string[] extraArgs) =>
        StartAsync(dataDirectory, 0, overrideServices, [
            "--Broker:Mode=External", $"--Broker:External:Host={host}", $"--Broker:External:Port={port}",
            "--Broker:External:ReconnectMinDelay=00:00:00.100", "--Broker:External:ReconnectMaxDelay=00:00:01", .. extraArgs]);

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} returned {(int)response.StatusCode}: {body}");
        }

        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<CloudHost> StartAsync(string dataDirectory, int mqttPort, Action<IServiceCollection>? overrideServices, string[] args)
    {
        var signals = new CloudSignals();
        string[] all = ["--Urls=http://127.0.0.1:0", $"--Storage:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning", "--Security:Mode=Development", .. args];
        var app = CloudApp.Build(all, services =>
        {
            Observe(services, signals);
            overrideServices?.Invoke(services);
        });
        await app.StartAsync().ConfigureAwait(false);
        return new CloudHost(app, dataDirectory, mqttPort, signals);
    }

    private static void Observe(IServiceCollection services, CloudSignals signals)
    {
        services.RemoveAll<IIngestObserver>();
        services.AddSingleton<IIngestObserver>(sp => new CloudSignals.Observer(sp.GetRequiredService<CloudMetrics>(), signals));
        services.RemoveAll<IDeviceRegistry>();
        services.AddSingleton<IDeviceRegistry>(sp => new CloudSignals.Registry(new LiteDeviceRegistry(sp.GetRequiredService<LiteDbStore>()), signals));
    }
}
