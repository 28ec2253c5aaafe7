using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary><c>/api/availability</c>, <c>/api/outages</c>, <c>/api/indicators</c>: the IOC's reports, as JSON or CSV.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reports");
        api.MapGet("/availability", GetAvailability)
            .WithSummary("Availability (up / (up + down), unknown excluded) per site or per area (district, plus the province), range=24h|7d|30d or from/to; format=json|csv.");
        api.MapGet("/availability/export.csv", ExportAvailability).WithSummary("The same availability rows as CSV.");
        api.MapGet("/outages", GetOutages).WithSummary("Outages (mains loss, site down) with start, end, duration, cause and the part without contact; format=json|csv.");
        api.MapGet("/outages/export.csv", ExportOutages).WithSummary("The same outages as CSV.");
        api.MapGet("/indicators", GetIndicators).WithSummary("Province plan indicators per district and for the province; format=json|csv.");
        api.MapGet("/indicators/export.csv", ExportIndicators).WithSummary("The same indicators as CSV.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AvailabilityRow>>, FileContentHttpResult, ValidationProblem>> GetAvailability(
        string? level, string? range, string? from, string? to, string? district, string? kind, string? format,
        AvailabilityReport report, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var csv = ExportFormat.IsCsv(format, errors);
        var rows = await AvailabilityRowsAsync(level, range, from, to, district, kind, report, time, errors, ct).ConfigureAwait(false);
        if (rows is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The availability query is not valid.");
        }

        return csv ? CsvExports.Availability(rows) : TypedResults.Ok(rows);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAvailability(
        string? level, string? range, string? from, string? to, string? district, string? kind, AvailabilityReport report, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var rows = await AvailabilityRowsAsync(level, range, from, to, district, kind, report, time, errors, ct).ConfigureAwait(false);
        return rows is null ? TypedResults.ValidationProblem(errors, title: "The availability query is not valid.") : CsvExports.Availability(rows);
    }

    public static async Task<Results<Ok<IReadOnlyList<Outage>>, FileContentHttpResult, ValidationProblem>> GetOutages(
        string? site, string? range, string? from, string? to, string? district, string? kind, string? format,
        AvailabilityReport report, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var csv = ExportFormat.IsCsv(format, errors);
        var filter = SiteFilter.Parse(district, kind, null, errors);
        if (!ReportRange.TryParse(range, from, to, "7d", time.GetUtcNow(), out var r, out var rangeErrors) || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.Concat(rangeErrors).ToDictionary(), title: "The outage query is not valid.");
        }

        var outages = await report.OutagesAsync(filter, site, r, ct).ConfigureAwait(false);
        return csv ? CsvExports.Outages(outages) : TypedResults.Ok(outages);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportOutages(
        string? site, string? range, string? from, string? to, string? district, string? kind, AvailabilityReport report, TimeProvider time, CancellationToken ct)
    {
        var result = await GetOutages(site, range, from, to, district, kind, "csv", report, time, ct).ConfigureAwait(false);
        return result.Result switch
        {
            FileContentHttpResult file => file,
            ValidationProblem problem => problem,
            _ => throw new InvalidOperationException("A CSV request answered with JSON."),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<IndicatorRow>>, FileContentHttpResult, ValidationProblem>> GetIndicators(
        string? format, IndicatorReport report, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var csv = ExportFormat.IsCsv(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The indicator query is not valid.");
        }

        var rows = await report.RowsAsync(ct).ConfigureAwait(false);
        return csv ? CsvExports.Indicators(rows) : TypedResults.Ok(rows);
    }

    public static async Task<FileContentHttpResult> ExportIndicators(IndicatorReport report, CancellationToken ct) =>
        CsvExports.Indicators(await report.RowsAsync(ct).ConfigureAwait(false));

    private static async Task<IReadOnlyList<AvailabilityRow>?> AvailabilityRowsAsync(
        string? level, string? range, string? from, string? to, string? district, string? kind,
        AvailabilityReport report, TimeProvider time, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var filter = SiteFilter.Parse(district, kind, null, errors);
        if (!ReportRange.TryParse(range, from, to, "30d", time.GetUtcNow(), out var r, out var rangeErrors))
        {
            foreach (var (key, value) in rangeErrors)
            {
                errors[key] = value;
            }
        }

        var byArea = level?.ToLowerInvariant() switch
        {
            null or "" or "area" => true,
            "site" => false,
            _ => Invalid(errors, level),
        };
        if (errors.Count > 0)
        {
            return null;
        }

        return byArea ? await report.AreasAsync(filter, r, ct).ConfigureAwait(false) : await report.SitesAsync(filter, r, ct).ConfigureAwait(false);
    }

    private static bool Invalid(Dictionary<string, string[]> errors, string? level)
    {
        errors["level"] = [$"level '{level}' is not a report level; use area (districts and the province) or site."];
        return false;
    }
}
