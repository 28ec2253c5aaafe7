using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>
/// N simulated gateways in one process, each its own composition with its own device id, uplink,
/// session counter and outbox directory (<c>DIR/&lt;id&gt;/</c>); for the demo and load tests.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly List<GatewayInstance> _gateways;

    private SimulatedFleet(List<GatewayInstance> gateways) => _gateways = gateways;

    public IReadOnlyList<GatewayInstance> Gateways => _gateways;

    /// <summary>The id of the <paramref name="index"/>-th gateway (1-based): prefix plus four digits.</summary>
    public static string DeviceIdFor(string prefix, int index) => $"{prefix}{index:D4}";

    /// <param name="baseConfiguration">Shared settings (broker, batch sizes, simulation defaults).</param>
    /// <param name="count">How many gateways.</param>
    /// <param name="prefix">Device id prefix, e.g. <c>sim-</c>.</param>
    /// <param name="dataDirectory">Each gateway keeps its state in a subdirectory named after its id.</param>
    /// <param name="shared">Singletons every gateway shares: the logger factory and the clock.</param>
    /// <param name="addOutbox">Registers a gateway's IOutbox from its configuration (Gateway:DataDirectory is its own).</param>
    /// <param name="sitePrefix">When set, gateway i reports site code <c>sitePrefix + i</c> (four digits) in its birth, as the cloud's Demo:SitePrefix seeds.</param>
    public static SimulatedFleet Create(
        IConfiguration baseConfiguration,
        int count,
        string prefix,
        string dataDirectory,
        (ILoggerFactory Logging, TimeProvider Time) shared,
        Action<IServiceCollection, IConfiguration> addOutbox,
        string? sitePrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!ContractInfo.IsValidId(DeviceIdFor(prefix, count)))
        {
            throw new ArgumentException($"Prefix '{prefix}' does not make valid device ids (e.g. '{DeviceIdFor(prefix, count)}'): use a-z, 0-9, '_' or '-', at most {ContractInfo.MaxIdLength - 4} characters.", nameof(prefix));
        }

        var gateways = new List<GatewayInstance>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = DeviceIdFor(prefix, i);
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(baseConfiguration)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Gateway:DeviceId"] = id,
                    ["Gateway:DataDirectory"] = Path.Combine(dataDirectory, id),
                    ["Simulation:Enabled"] = "true",
                    ["Simulation:Seed"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Gateway:Site"] = sitePrefix is null ? null : DeviceIdFor(sitePrefix, i),
                })
                .Build();
            gateways.Add(GatewayInstance.Create(configuration, (services, config) =>
            {
                services.AddSingleton(shared.Logging);
                services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                services.AddSingleton(shared.Time);
                addOutbox(services, config);
            }));
        }

        return new SimulatedFleet(gateways);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var gateway in _gateways)
        {
            await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every gateway concurrently: each publishes its offline state and disconnects.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_gateways.Select(g => g.StopAsync(cancellationToken)));

    public FleetProgress Progress()
    {
        int connected = 0;
        long readings = 0, events = 0, rejected = 0, pendingReadings = 0, pendingEvents = 0;
        foreach (var gateway in _gateways)
        {
            var link = gateway.Uplink.Current;
            var outbox = gateway.Outbox.GetStatus();
            connected += link.Connected ? 1 : 0;
            readings += link.DeliveredReadings;
            events += link.DeliveredEvents;
            rejected += link.Rejected;
            pendingReadings += outbox.PendingReadings;
            pendingEvents += outbox.PendingEvents;
        }

        return new FleetProgress(_gateways.Count, connected, readings, events, rejected, pendingReadings, pendingEvents);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }
    }
}
