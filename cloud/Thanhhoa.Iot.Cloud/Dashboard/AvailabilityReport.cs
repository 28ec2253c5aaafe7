using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Availability per site, per area and for the province, and the outage list, over a range.</summary>
public sealed class AvailabilityReport(ISiteCatalog catalog, LiveDevices devices, UptimeService uptime)
{
    public async Task<IReadOnlyList<(Site Site, SiteTimeline Timeline)>> TimelinesAsync(SiteFilter filter, ReportRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(range);
        await devices.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<(Site, SiteTimeline)>();
        foreach (var site in (await catalog.ListAsync(cancellationToken).ConfigureAwait(false)).Where(filter.Matches))
        {
            var device = devices.ForSite(site.Code)?.DeviceId;
            result.Add((site, await uptime.TimelineAsync(site.Code, device, range.From, range.To, cancellationToken).ConfigureAwait(false)));
        }

        return result;
    }

    public async Task<IReadOnlyList<AvailabilityRow>> SitesAsync(SiteFilter filter, ReportRange range, CancellationToken cancellationToken)
    {
        var timelines = await TimelinesAsync(filter, range, cancellationToken).ConfigureAwait(false);
        return timelines.Select(t => AvailabilityRow.Of("site", t.Site.Code, t.Site.Name, t.Site.DistrictCode, 1, range, Figures(t.Timeline))).ToList();
    }

    /// <summary>One row per district that has sites, then the province row (code 38).</summary>
    public async Task<IReadOnlyList<AvailabilityRow>> AreasAsync(SiteFilter filter, ReportRange range, CancellationToken cancellationToken)
    {
        var timelines = await TimelinesAsync(filter, range, cancellationToken).ConfigureAwait(false);
        var rows = timelines.GroupBy(t => (t.Site.DistrictCode, t.Site.DistrictName))
            .OrderBy(g => g.Key.DistrictCode, StringComparer.Ordinal)
            .Select(g => AvailabilityRow.Of("area", g.Key.DistrictCode, g.Key.DistrictName, g.Key.DistrictCode, g.Count(), range,
                AvailabilityFigures.Sum(g.Select(t => Figures(t.Timeline)))))
            .ToList();
        rows.Add(AvailabilityRow.Of("province", "38", "Tỉnh Thanh Hóa", "38", timelines.Count, range,
            AvailabilityFigures.Sum(timelines.Select(t => Figures(t.Timeline)))));
        return rows;
    }

    public async Task<IReadOnlyList<Outage>> OutagesAsync(SiteFilter filter, string? site, ReportRange range, CancellationToken cancellationToken)
    {
        var timelines = await TimelinesAsync(filter, range, cancellationToken).ConfigureAwait(false);
        return timelines.Where(t => site is null || t.Site.Code == site)
            .SelectMany(t => t.Timeline.Outages)
            .OrderByDescending(o => o.Start)
            .ToList();
    }

    private static AvailabilityFigures Figures(SiteTimeline t) => AvailabilityFigures.Of(t.Intervals, t.From, t.To);
}
