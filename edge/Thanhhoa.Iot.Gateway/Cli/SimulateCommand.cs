using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Edge.Hosting;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw simulate --fleet N</c>: N simulated gateways in this one process, each with its own device
/// id, site code, uplink and outbox directory, against one broker; prints progress until Ctrl+C, then
/// stops cleanly. Every gateway runs the shipped BTS profile (profiles/bts-site.json, the documented
/// one) on fake hardware moved by its simulated site; simulation.json sets the demo's pace.
/// Configuration, later wins: appsettings.json, profiles/bts-site.json, simulation.json, THGW_Section__Key.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The documented BTS profile, shipped beside thgw (linked from docs/profiles).</summary>
    public const string ProfileFile = "profiles/bts-site.json";

    /// <summary>Fake hardware and the demo's pace of outages, generator starts and visits.</summary>
    public const string SimulationFile = "simulation.json";

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var fleet = new Option<int>("--fleet") { Description = "How many simulated gateways to run.", Required = true };
        fleet.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError($"--fleet {r.GetValueOrDefault<int>()} is out of range; use 1 to 100000.");
            }
        });
        var broker = new Option<string>("--broker") { Description = "Broker as host:port.", DefaultValueFactory = _ => "127.0.0.1:1883" };
        broker.Validators.Add(r =>
        {
            if (!BrokerAddress.TryParse(r.GetValueOrDefault<string>(), out _, out var error))
            {
                r.AddError(error);
            }
        });
        var data = new Option<string>("--data") { Description = "Directory for the gateways' state (one subdirectory per id).", DefaultValueFactory = _ => "sim-data" };
        var prefix = new Option<string>("--prefix") { Description = "Device id prefix: gateway i is PREFIX0001...", DefaultValueFactory = _ => "sim-" };
        var sitePrefix = new Option<string>("--site-prefix") { Description = "Site code prefix: gateway i is bound to site PREFIX0001... (a-z, 0-9, '_', '-').", DefaultValueFactory = _ => "th-bts-" };
        var command = new Command(
            "simulate",
            $"Run N simulated gateways in one process (demo, load tests): the real edge code on fake hardware, outages staggered per gateway. Pace in {SimulationFile} or THGW_Simulation__MeanTimeBetweenOutages etc.")
        {
            fleet, broker, data, prefix, sitePrefix,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            // Validated above: parsing cannot fail here.
            var address = BrokerAddress.TryParse(parse.GetValue(broker), out var parsed, out _) ? parsed : default;
            var layout = new FleetLayout(parse.GetValue(fleet), parse.GetValue(prefix)!, parse.GetValue(sitePrefix)!, Path.GetFullPath(parse.GetValue(data)!));
            return RunAsync(layout, address);
        });
        return command;
    }

    private static async Task<int> RunAsync(FleetLayout layout, BrokerAddress broker)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        try
        {
            await using var fleet = SimulatedFleet.Create(Configuration(broker), layout, (logging, TimeProvider.System), OutboxWiring.AddOutbox);
            await fleet.StartAsync(stop.Token).ConfigureAwait(false);
            Console.WriteLine(
                $"thgw simulate: {layout.Count} gateways {layout.DeviceId(1)}..{layout.DeviceId(layout.Count)} at sites {layout.SiteCode(1)}..{layout.SiteCode(layout.Count)} " +
                $"-> {broker}, state in {layout.DataDirectory}. Ctrl+C stops.");
            await ReportUntilStoppedAsync(fleet, stop.Token).ConfigureAwait(false);
            Console.WriteLine("thgw simulate: stopping (each gateway says offline and disconnects)...");
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15), TimeProvider.System);
            await fleet.StopAsync(grace.Token).ConfigureAwait(false);
            Print(fleet.Progress());
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException
            or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"thgw simulate: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static IConfiguration Configuration(BrokerAddress broker) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile(ProfileFile, optional: false)
        .AddJsonFile(SimulationFile, optional: false)
        .AddEnvironmentVariables("THGW_")
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uplink:Host"] = broker.Host,
            ["Uplink:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        })
        .Build();

    private static async Task ReportUntilStoppedAsync(SimulatedFleet fleet, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressEvery, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Print(fleet.Progress());
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM.
        }
    }

    private static void Print(FleetProgress p) => Console.WriteLine(
        $"{DateTimeOffset.Now:HH:mm:ss} connected {p.Connected}/{p.Gateways}  delivered {p.DeliveredReadings} readings, {p.DeliveredEvents} events  " +
        $"pending {p.PendingReadings}+{p.PendingEvents}  rejected {p.Rejected}");
}
