using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Thanhhoa.Iot.Cloud.Commands;
using ApiPolicies = Thanhhoa.Iot.Cloud.Commands.ApiPolicies;
using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>
/// <c>/api/artifacts</c>: signed firmware bundles. Upload (admins; the body is the bundle file), list, and
/// download with HTTP Range requests (resume after a broken 2G/3G link; the ETag is the SHA-256). Gateways
/// download with the token their rollout put in the URL; operators and admins with their API key.
/// </summary>
public static class ArtifactsApi
{
    public static IEndpointRouteBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/artifacts").WithTags("Artifacts");
        api.MapPost("/", Upload).RequireAuthorization(ApiPolicies.Admin)
            .WithSummary("Upload a signed bundle (request body = the bundle file, application/octet-stream; ?notes= optional). Refused unless signed by a trusted key and intact.");
        api.MapGet("/", List).RequireAuthorization(ApiPolicies.Operator).WithSummary("Every artifact: version, hardware, size, sha256, notes, who uploaded it and when.");
        api.MapGet("/{id}", Get).RequireAuthorization(ApiPolicies.Operator).WithSummary("One artifact's metadata.");
        api.MapGet("/{id}/content", Content).AllowAnonymous()
            .WithSummary("The bundle bytes, with Range/If-Range support (206). Operators/admins by API key; gateways by ?token= of their rollout.");
        return app;
    }

    public static async Task<Results<Created<Artifact>, Ok<Artifact>, ProblemHttpResult>> Upload(
        HttpContext http, string? notes, ArtifactService artifacts, IOptions<ArtifactOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxUploadBytes + 1;
        }

        var result = await artifacts.UploadAsync(http.Request.Body, notes, user.ActorName(), ct).ConfigureAwait(false);
        return result switch
        {
            { Artifact: { } a, Status: StatusCodes.Status201Created } => TypedResults.Created($"/api/artifacts/{a.Id}", a),
            { Artifact: { } a } => TypedResults.Ok(a),
            _ => TypedResults.Problem(statusCode: result.Status, title: result.Title, detail: result.Detail),
        };
    }

    public static async Task<Ok<IReadOnlyList<Artifact>>> List(ArtifactService artifacts, CancellationToken ct) =>
        TypedResults.Ok(await artifacts.ListAsync(ct).ConfigureAwait(false));

    public static async Task<Results<Ok<Artifact>, ProblemHttpResult>> Get(string id, ArtifactService artifacts, CancellationToken ct) =>
        await artifacts.GetAsync(id, ct).ConfigureAwait(false) is { } a ? TypedResults.Ok(a) : NotFound(id);

    public static async Task<IResult> Content(
        string id, string? token, ArtifactService artifacts, IArtifactDownloadGrants grants, ClaimsPrincipal user, CancellationToken ct)
    {
        var reader = user.ApiRoleOrNull() is ApiRole.Operator or ApiRole.Admin;
        if (!reader && !(token is not null && await grants.AllowsAsync(id, token, ct).ConfigureAwait(false)))
        {
            return user.Identity?.IsAuthenticated == true
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to download this artifact.",
                    detail: "Artifacts are readable by operators and admins, and by gateways with the token of an active rollout of this artifact.")
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A download token or API key is needed.",
                    detail: "Use the URL from the rollout's down/firmware message (it carries ?token=), or an operator or admin API key.");
        }

        if (await artifacts.GetAsync(id, ct).ConfigureAwait(false) is not { } artifact)
        {
            return NotFound(id);
        }

        return TypedResults.PhysicalFile(artifacts.PathOf(artifact), "application/octet-stream", lastModified: artifact.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{artifact.Sha256}\""), enableRangeProcessing: true);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "No such artifact.", detail: $"There is no artifact '{id}'; GET /api/artifacts lists the uploaded bundles.");
}
