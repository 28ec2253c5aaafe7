using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary><c>GET /api/audit</c> (admin): who changed what, when; newest first.</summary>
public static class AuditApi
{
    private const int DefaultLimit = 200;
    private const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Query).RequireAuthorization(ApiPolicies.Admin).WithTags("Security")
            .WithSummary("Audit records, newest first; from/to (RFC 3339, default the last 7 days), actor (text contained), limit (1-5000).");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> Query(
        string? from, string? to, string? actor, int? limit, IAuditLog log, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var end = Parse("to", to, time.GetUtcNow(), errors);
        var start = Parse("from", from, end - TimeSpan.FromDays(7), errors);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit {take} is out of range; use 1-{MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The audit query is not valid.");
        }

        return TypedResults.Ok(await log.QueryAsync(new AuditQuery(start, end, actor, take), ct).ConfigureAwait(false));
    }

    private static DateTimeOffset Parse(string name, string? text, DateTimeOffset fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        errors[name] = [$"{name} '{text}' is not a time; use RFC 3339, e.g. 2026-11-26T11:00:00Z."];
        return fallback;
    }
}
