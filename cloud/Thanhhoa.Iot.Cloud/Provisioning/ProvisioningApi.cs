using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.Audit;

namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>
/// <c>POST /api/provision</c>: what <c>thgw provision</c> calls. No API key: the enrollment token in
/// the body is the credential. Refusals are problem details with a <c>code</c> the gateway acts on.
/// </summary>
public static class ProvisioningApi
{
    public static IEndpointRouteBuilder MapProvisioningApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/provision", Provision).AllowAnonymous().WithTags("Provisioning")
            .WithSummary("Provision a gateway: enrollment token + gateway-generated secret → device id, site, broker address and CA to pin.");
        return app;
    }

    public static async Task<Results<Ok<ProvisionResponse>, ProblemHttpResult>> Provision(
        ProvisionRequest request, ProvisioningService provisioning, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await provisioning.ProvisionAsync(request, context.Request.Host.Host, ct).ConfigureAwait(false);
        AuditNote.Actor(context, result.TokenId is { } id ? $"enrollment-token:{id}" : "enrollment-token:unknown");
        if (result.Response is { } response)
        {
            AuditNote.Detail(context, $"provisioned {response.DeviceId} at site {response.Site ?? "(none)"}" +
                (response.ReplacedDeviceId is { } old ? $", replacing {old} (revoked)" : string.Empty));
            return TypedResults.Ok(response);
        }

        var error = result.Error!;
        AuditNote.Detail(context, $"refused: {error.Code}");
        return TypedResults.Problem(statusCode: error.Status, title: error.Title, detail: error.Detail,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
