using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Computes the province indicators per district and for the province.</summary>
public sealed class IndicatorReport(AvailabilityReport availability, LiveDevices devices, TimeProvider time)
{
    /// <summary>The plan's target share of BTS sites shared by more than one operator.</summary>
    public const double SharedTarget = 0.15;

    public async Task<IReadOnlyList<IndicatorRow>> RowsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var range = new ReportRange(now.AddDays(-30), now, "30d");
        var timelines = await availability.TimelinesAsync(SiteFilter.All, range, cancellationToken).ConfigureAwait(false);
        var rows = timelines.GroupBy(t => (t.Site.DistrictCode, t.Site.DistrictName))
            .OrderBy(g => g.Key.DistrictCode, StringComparer.Ordinal)
            .Select(g => Row(g.Key.DistrictCode, g.Key.DistrictName, g.ToList()))
            .ToList();
        rows.Add(Row("38", "Tỉnh Thanh Hóa", timelines));
        return rows;
    }

    private IndicatorRow Row(string code, string name, IReadOnlyList<(Site Site, SiteTimeline Timeline)> sites)
    {
        var bts = sites.Where(s => s.Site.Kind == SiteKind.Bts).ToList();
        var hamlets = sites.Where(s => s.Site.Kind == SiteKind.Hamlet).ToList();
        var shared = bts.Count(s => s.Site.IsShared);
        var reachable = hamlets.Count(s => devices.ForSite(s.Site.Code)?.Online == true);
        return new IndicatorRow(
            code, name, bts.Count, shared, Share(shared, bts.Count), SharedTarget, Availability(bts),
            hamlets.Count, Availability(hamlets), reachable, Share(reachable, hamlets.Count));
    }

    private static double? Availability(List<(Site Site, SiteTimeline Timeline)> sites) =>
        AvailabilityFigures.Sum(sites.Select(s => AvailabilityFigures.Of(s.Timeline.Intervals, s.Timeline.From, s.Timeline.To))).Availability;

    private static double? Share(int part, int whole) => whole > 0 ? (double)part / whole : null;
}
