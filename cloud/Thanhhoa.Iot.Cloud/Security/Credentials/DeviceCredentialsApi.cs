using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary><c>/api/device-credentials</c> (admin): which devices hold credentials, and revocation (the device is cut off within seconds).</summary>
public static class DeviceCredentialsApi
{
    public static IEndpointRouteBuilder MapDeviceCredentialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/device-credentials").WithTags("Security").RequireAuthorization(ApiPolicies.Admin);
        api.MapGet("/", List).WithSummary("Every provisioned device: site, active or revoked (and why).");
        api.MapPost("/{id}/revoke", Revoke).WithSummary("Revoke a device's credentials and disconnect it now.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DeviceCredentialView>>> List(IDeviceCredentialStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DeviceCredentialView>>((await store.ListAsync(ct).ConfigureAwait(false)).Select(DeviceCredentialView.Of).ToList());

    public static async Task<Results<Ok<DeviceCredentialView>, ProblemHttpResult>> Revoke(
        string id, RevokeRequest? request, DeviceRevocation revocation, HttpContext context, CancellationToken ct)
    {
        var reason = request?.Reason is { Length: > 0 and <= 200 } r ? r : $"revoked by {context.User.ActorName()}";
        var revoked = await revocation.RevokeAsync(id, reason, ct).ConfigureAwait(false);
        if (revoked is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "No active credentials for this device.",
                detail: $"Device '{id}' has no active credentials (never provisioned, or already revoked); GET /api/device-credentials lists them.");
        }

        AuditNote.Detail(context, $"revoked device {id}: {reason}");
        return TypedResults.Ok(DeviceCredentialView.Of(revoked));
    }
}
