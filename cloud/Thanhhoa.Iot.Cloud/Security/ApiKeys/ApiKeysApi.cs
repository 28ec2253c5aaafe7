using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary><c>/api/api-keys</c> (admin): create (the key is shown once), list and revoke API keys.</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/api-keys").WithTags("Security").RequireAuthorization(ApiPolicies.Admin);
        api.MapPost("/", Create).WithSummary("Create a key for a person or system: role technician (with sites), operator or admin. The key is in this answer only.");
        api.MapGet("/", List).WithSummary("All keys (never the keys themselves).");
        api.MapDelete("/{id}", Revoke).WithSummary("Revoke a key; it stops working at once.");
        return app;
    }

    public static async Task<Results<Created<ApiKeyView>, ValidationProblem>> Create(
        CreateApiKeyRequest request, ApiKeyService keys, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["name is required (1-100 characters): whose key this is, e.g. 'nguyen.van.a' or 'reporting-job'."];
        }

        if (request.Role is null)
        {
            errors["role"] = ["role is required: technician, operator or admin."];
        }

        var sites = request.Sites ?? [];
        if (request.Role == ApiRole.Technician && sites.Count == 0)
        {
            errors["sites"] = ["a technician's key needs the site codes the technician works on."];
        }

        foreach (var site in sites.Where(s => !ContractInfo.IsValidId(s)))
        {
            errors["sites"] = [$"'{site}' is not a site code: use a-z, 0-9, '_' or '-'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key request is not valid.");
        }

        var keptSites = request.Role == ApiRole.Technician ? sites.Distinct(StringComparer.Ordinal).ToList() : [];
        var created = await keys.CreateAsync(request.Name!.Trim(), request.Role!.Value, keptSites, context.User.ActorName(), ct).ConfigureAwait(false);
        AuditNote.Detail(context, $"created API key {created.Record.Id} '{created.Record.Name}' ({created.Record.Role})");
        return TypedResults.Created($"/api/api-keys/{created.Record.Id}", ApiKeyView.Of(created.Record, created.Key));
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyView>>> List(IApiKeyStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyView>>((await store.ListAsync(ct).ConfigureAwait(false)).Select(k => ApiKeyView.Of(k)).ToList());

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, ApiKeyService keys, HttpContext context, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(id, ct).ConfigureAwait(false))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key.", detail: $"Key '{id}' does not exist; GET /api/api-keys lists them.");
        }

        AuditNote.Detail(context, $"revoked API key {id}");
        return TypedResults.NoContent();
    }
}
