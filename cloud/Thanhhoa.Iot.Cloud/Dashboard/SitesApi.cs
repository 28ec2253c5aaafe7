using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary><c>/api/sites</c> and <c>/api/areas</c>: sites with their live state, one site's panel, timeline and battery trend.</summary>
public static class SitesApi
{
    private const int ChartPoints = 1500;

    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Sites");
        api.MapGet("/sites", ListSites).WithSummary("Sites with their state now; filters district (GSO code), kind (bts|hamlet), state; format=json|csv.");
        api.MapGet("/sites/export.csv", ExportSites).WithSummary("All sites with their state now, as CSV.");
        api.MapGet("/sites/{code}", GetSite).WithSummary("One site's panel: status, gateway health, latest readings, active alarms, battery autonomy.");
        api.MapGet("/sites/{code}/timeline", GetTimeline).WithSummary("The site's power timeline (mains/battery/generator/down/unknown) and outages; range=24h|7d|30d or from/to.");
        api.MapGet("/sites/{code}/battery", GetBattery).WithSummary("battery_v over the range, thinned to at most 1500 points for the chart.");
        api.MapGet("/areas", ListAreas).WithSummary("Districts (GSO codes and names) with their site counts.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<SiteStatus>>, FileContentHttpResult, ValidationProblem>> ListSites(
        string? district, string? kind, string? state, string? format, SiteBoard board, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = SiteFilter.Parse(district, kind, state, errors);
        var csv = ExportFormat.IsCsv(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The site query is not valid.");
        }

        IReadOnlyList<SiteStatus> sites = (await board.StatusesAsync(ct).ConfigureAwait(false))
            .Where(s => (filter.District is null || s.DistrictCode == filter.District) && (filter.Kind is null || s.Kind == filter.Kind) && (filter.State is null || s.State == filter.State))
            .ToList();
        return csv ? CsvExports.Sites(sites) : TypedResults.Ok(sites);
    }

    public static async Task<FileContentHttpResult> ExportSites(SiteBoard board, CancellationToken ct) =>
        CsvExports.Sites(await board.StatusesAsync(ct).ConfigureAwait(false));

    public static async Task<Results<Ok<SiteDetail>, ProblemHttpResult>> GetSite(string code, SiteBoard board, CancellationToken ct) =>
        await board.DetailAsync(code, ct).ConfigureAwait(false) is { } detail ? TypedResults.Ok(detail) : NotFound(code);

    public static async Task<Results<Ok<SiteTimeline>, ValidationProblem, ProblemHttpResult>> GetTimeline(
        string code, string? range, string? from, string? to, ISiteCatalog catalog, LiveDevices devices, UptimeService uptime, TimeProvider time, CancellationToken ct)
    {
        if (!ReportRange.TryParse(range, from, to, "24h", time.GetUtcNow(), out var r, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The timeline range is not valid.");
        }

        if (await catalog.GetAsync(code, ct).ConfigureAwait(false) is null)
        {
            return NotFound(code);
        }

        await devices.EnsureLoadedAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(await uptime.TimelineAsync(code, devices.ForSite(code)?.DeviceId, r.From, r.To, ct).ConfigureAwait(false));
    }

    public static async Task<Results<Ok<IReadOnlyList<BatteryPoint>>, ValidationProblem, ProblemHttpResult>> GetBattery(
        string code, string? range, string? from, string? to, ISiteCatalog catalog, LiveDevices devices, ITelemetryStore store, TimeProvider time, CancellationToken ct)
    {
        if (!ReportRange.TryParse(range, from, to, "24h", time.GetUtcNow(), out var r, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The battery range is not valid.");
        }

        if (await catalog.GetAsync(code, ct).ConfigureAwait(false) is null)
        {
            return NotFound(code);
        }

        await devices.EnsureLoadedAsync(ct).ConfigureAwait(false);
        if (devices.ForSite(code) is not { } device)
        {
            return TypedResults.Ok<IReadOnlyList<BatteryPoint>>([]);
        }

        var readings = await store.QueryReadingsAsync(new TelemetryQuery(device.DeviceId, SiteBoard.BatteryChannel, r.From, r.To, int.MaxValue), ct).ConfigureAwait(false);
        return TypedResults.Ok(Thin(readings, r));
    }

    public static async Task<Ok<IReadOnlyList<AreaSummary>>> ListAreas(ProvinceMap map, ISiteCatalog catalog, CancellationToken ct)
    {
        var sites = await catalog.ListAsync(ct).ConfigureAwait(false);
        IReadOnlyList<AreaSummary> areas = map.Districts
            .Select(d => new AreaSummary(d.Code, d.Name, d.Communes.Count,
                sites.Count(s => s.DistrictCode == d.Code && s.Kind == SiteKind.Bts), sites.Count(s => s.DistrictCode == d.Code && s.Kind == SiteKind.Hamlet)))
            .ToList();
        return TypedResults.Ok(areas);
    }

    /// <summary>Averages readings into at most <see cref="ChartPoints"/> equal time buckets.</summary>
    private static IReadOnlyList<BatteryPoint> Thin(IReadOnlyList<StoredReading> readings, ReportRange range)
    {
        if (readings.Count <= ChartPoints)
        {
            return readings.Select(x => new BatteryPoint(x.Timestamp, x.Value)).ToList();
        }

        var bucket = (range.To - range.From) / ChartPoints;
        return readings.GroupBy(x => (long)((x.Timestamp - range.From) / bucket))
            .Select(g => new BatteryPoint(g.First().Timestamp, Math.Round(g.Average(x => x.Value), 3)))
            .ToList();
    }

    internal static ProblemHttpResult NotFound(string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Site not found.",
        detail: $"No site '{code}' is known; check the code (GET /api/sites lists them).");
}
