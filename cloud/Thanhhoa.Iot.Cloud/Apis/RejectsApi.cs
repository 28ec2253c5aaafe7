using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Apis;

/// <summary><c>/api/rejects</c>: refused messages across all devices.</summary>
public static class RejectsApi
{
    private const int DefaultRecent = 50;

    public static IEndpointRouteBuilder MapRejectsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/rejects").WithTags("Rejects")
            .MapGet("/", GetRejects)
            .WithSummary("Counts of refused messages per device and reason, and the latest ones with reason, field and detail.");
        return app;
    }

    public static async Task<Ok<RejectReport>> GetRejects(int? limit, IRejectLog rejects, CancellationToken ct) =>
        TypedResults.Ok(await rejects.GetReportAsync(null, Limit(limit), ct).ConfigureAwait(false));

    internal static int Limit(int? limit) => Math.Clamp(limit ?? DefaultRecent, 0, 1000);
}
