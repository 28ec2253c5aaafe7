using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>Seeds the demo sites at start when Demo:SeedSites is set (idempotent: same codes, same sites).</summary>
public sealed partial class DemoSiteSeeder(IOptions<DemoOptions> options, ISiteCatalog catalog, ProvinceMap map, ILogger<DemoSiteSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.SeedSites <= 0)
        {
            return;
        }

        var sites = DemoSiteGenerator.Generate(map, o.SeedSites, o.SitePrefix, o.Seed);
        await catalog.UpsertAsync(sites, cancellationToken).ConfigureAwait(false);
        Seeded(logger, sites.Count, sites[0].Code, sites[^1].Code);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Seeded {Count} demo sites ({First}..{Last}); run `thgw simulate --fleet N --site-prefix` with the same prefix to bind gateways to them")]
    private static partial void Seeded(ILogger logger, int count, string first, string last);
}
