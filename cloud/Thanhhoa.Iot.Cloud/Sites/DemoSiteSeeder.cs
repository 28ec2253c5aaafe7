using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// Seeds the demo sites at start when Demo:SeedSites is set (idempotent: same codes, same sites), and with
/// Demo:HistoryDays their made-up past, once (skipped when the first demo gateway is already registered).
/// Several nodes on one PostgreSQL database seed once per cluster: the node that claims the run (per demo settings) does.
/// </summary>
public sealed partial class DemoSiteSeeder(
    IOptions<DemoOptions> options,
    ISiteCatalog catalog,
    ProvinceMap map,
    DemoHistorySeeder history,
    IDeviceRegistry registry,
    ILeaseStore leases,
    IOptions<CoordinationOptions> coordination,
    TimeProvider time,
    ILogger<DemoSiteSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.SeedSites <= 0)
        {
            return;
        }

        var job = $"demo-seed:{o.SitePrefix}:{o.SeedSites}:{o.Seed}:{o.HistoryDays}";
        if (!await leases.TryClaimRunAsync(job, 0, coordination.Value.NodeId, cancellationToken).ConfigureAwait(false))
        {
            SeededElsewhere(logger, job);
            return;
        }

        var sites = DemoSiteGenerator.Generate(map, o.SeedSites, o.SitePrefix, o.Seed);
        await catalog.UpsertAsync(sites, cancellationToken).ConfigureAwait(false);
        Seeded(logger, sites.Count, sites[0].Code, sites[^1].Code);
        if (o.HistoryDays > 0 && await registry.GetAsync(DemoHistoryGenerator.DeviceIdFor(sites[0].Code), cancellationToken).ConfigureAwait(false) is null)
        {
            var past = DemoHistoryGenerator.Generate(sites, TimeSpan.FromDays(o.HistoryDays), time.GetUtcNow(), o.Seed);
            await history.SeedAsync(past, cancellationToken).ConfigureAwait(false);
            HistorySeeded(logger, o.HistoryDays, past.Count, past.Sum(h => h.Events.Count));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Seeded {Count} demo sites ({First}..{Last}); run `thgw simulate --fleet N --site-prefix` with the same prefix to bind gateways to them")]
    private static partial void Seeded(ILogger logger, int count, string first, string last);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Demo seed {Job} already claimed by another node of this cluster; not seeding again")]
    private static partial void SeededElsewhere(ILogger logger, string job);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Seeded {Days} days of demo history for {Gateways} demo gateways ({Events} events)")]
    private static partial void HistorySeeded(ILogger logger, int days, int gateways, int events);
}
