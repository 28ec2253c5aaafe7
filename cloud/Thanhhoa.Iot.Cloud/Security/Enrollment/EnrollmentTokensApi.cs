using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary><c>/api/enrollment-tokens</c>: single-use, expiring tokens a technician provisions a gateway with.</summary>
public static class EnrollmentTokensApi
{
    public static IEndpointRouteBuilder MapEnrollmentTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enrollment-tokens").WithTags("Security");
        api.MapPost("/", Create).RequireAuthorization(ApiPolicies.Enroll)
            .WithSummary("Create an enrollment token (shown once). Technicians: only for a site on their key; admins: any site or none.");
        api.MapGet("/", List).RequireAuthorization(ApiPolicies.Admin).WithSummary("All tokens with their state (never the token itself).");
        api.MapDelete("/{id}", Revoke).RequireAuthorization(ApiPolicies.Admin).WithSummary("Revoke an unused token.");
        return app;
    }

    public static async Task<Results<Created<CreatedEnrollmentToken>, ValidationProblem, ProblemHttpResult>> Create(
        CreateEnrollmentTokenRequest request, EnrollmentTokens tokens, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Site is not null && !ContractInfo.IsValidId(request.Site))
        {
            errors["site"] = [$"site '{request.Site}' is not a site code: use 1-{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'."];
        }

        var lifetime = tokens.Lifetime(request.ValidHours, out var lifetimeError);
        if (lifetimeError is not null)
        {
            errors["validHours"] = [lifetimeError];
        }

        if (request.Note is { Length: > 200 })
        {
            errors["note"] = ["note is longer than 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The token request is not valid.");
        }

        var user = context.User;
        if (user.ApiRoleOrNull() == ApiRole.Technician && (request.Site is null || !user.Sites().Contains(request.Site)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Technicians enroll only their own sites.",
                detail: $"Name one of your sites in 'site' ({string.Join(", ", user.Sites().Order(StringComparer.Ordinal))}); ask an admin for other sites.");
        }

        var (record, token) = await tokens.CreateAsync(request.Site, lifetime!.Value, request.Note, user.ActorName(), ct).ConfigureAwait(false);
        AuditNote.Detail(context, $"created enrollment token {record.Id} for site {record.Site ?? "(any)"}, expires {record.ExpiresAt:u}");
        return TypedResults.Created($"/api/enrollment-tokens/{record.Id}", new CreatedEnrollmentToken(record.Id, token, record.Site, record.ExpiresAt));
    }

    public static async Task<Ok<IReadOnlyList<EnrollmentTokenView>>> List(IEnrollmentTokenStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var all = await store.ListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<EnrollmentTokenView>>(all.Select(t => EnrollmentTokenView.Of(t, now)).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, IEnrollmentTokenStore store, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        if (await store.RevokeAsync(id, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            AuditNote.Detail(context, $"revoked enrollment token {id}");
            return TypedResults.NoContent();
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No unused token with this id.",
            detail: $"Token '{id}' does not exist or was already used; GET /api/enrollment-tokens lists them.");
    }
}
