using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Sensing.Simulation;

namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>
/// N simulated gateways in one process, each its own composition (the same <c>AddGateway</c> as
/// <c>thgw run</c>) with its own device id, site code, uplink, session counter, outbox directory and
/// simulated site (seed = its index) on fake hardware under the real drivers; for the demo and load
/// tests. The logger factory, the clock and the simulation's one timer are shared.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly List<GatewayInstance> _gateways;
    private readonly SimulationTicker _ticker;

    private SimulatedFleet(List<GatewayInstance> gateways, SimulationTicker ticker)
    {
        _gateways = gateways;
        _ticker = ticker;
    }

    public IReadOnlyList<GatewayInstance> Gateways => _gateways;

    /// <param name="baseConfiguration">Shared settings: broker, batch sizes, the site profile, simulation defaults.</param>
    /// <param name="layout">How many gateways, their ids, site codes and state directories.</param>
    /// <param name="shared">Singletons every gateway shares: the logger factory and the clock.</param>
    /// <param name="addOutbox">Registers a gateway's IOutbox from its configuration (Gateway:DataDirectory is its own).</param>
    public static SimulatedFleet Create(
        IConfiguration baseConfiguration,
        FleetLayout layout,
        (ILoggerFactory Logging, TimeProvider Time) shared,
        Action<IServiceCollection, IConfiguration> addOutbox)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.Count, 1);
        CheckPrefix(layout.DevicePrefix, layout.DeviceId(layout.Count), "device ids", "prefix");
        if (layout.SitePrefix is not null)
        {
            CheckPrefix(layout.SitePrefix, layout.SiteCode(layout.Count)!, "site codes", "sitePrefix");
        }

        var simulation = baseConfiguration.GetSection(SimulatedSiteOptions.SectionName).Get<SimulatedSiteOptions>() ?? new SimulatedSiteOptions();
        var ticker = new SimulationTicker(shared.Time, simulation.TickInterval, shared.Logging.CreateLogger<SimulationTicker>());
        var gateways = new List<GatewayInstance>(layout.Count);
        for (var i = 1; i <= layout.Count; i++)
        {
            gateways.Add(GatewayInstance.Create(Configuration(baseConfiguration, layout, i), (services, config) =>
            {
                services.AddSingleton(shared.Logging);
                services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                services.AddSingleton(shared.Time);
                services.AddSingleton(ticker);
                addOutbox(services, config);
            }));
        }

        return new SimulatedFleet(gateways, ticker);
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

        _ticker.Dispose();
    }

    private static IConfiguration Configuration(IConfiguration baseConfiguration, FleetLayout layout, int index)
    {
        var id = layout.DeviceId(index);
        var overrides = new Dictionary<string, string?>
        {
            ["Gateway:DeviceId"] = id,
            ["Gateway:DataDirectory"] = Path.Combine(layout.DataDirectory, id),
            ["Site:Hardware"] = SiteHardwareKinds.Fake,
            ["Simulation:Enabled"] = "true",
            ["Simulation:Seed"] = index.ToString(CultureInfo.InvariantCulture),
        };
        if (layout.SiteCode(index) is { } site)
        {
            overrides["Gateway:Site"] = site;
        }

        return new ConfigurationBuilder().AddConfiguration(baseConfiguration).AddInMemoryCollection(overrides).Build();
    }

    private static void CheckPrefix(string prefix, string example, string what, string parameter)
    {
        if (!ContractInfo.IsValidId(example))
        {
            throw new ArgumentException(
                $"Prefix '{prefix}' does not make valid {what} (e.g. '{example}'): use a-z, 0-9, '_' or '-', at most {ContractInfo.MaxIdLength - 4} characters.",
                parameter);
        }
    }
}
