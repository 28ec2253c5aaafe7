using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Security.Credentials;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary><c>GET /api/me</c>: who the key belongs to, its role, and a technician's own sites with their gateways.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Get).RequireAuthorization(ApiPolicies.AnyRole).WithTags("Security")
            .WithSummary("The caller: name, role, and for technicians their sites with the gateway bound to each and whether it is online.");
        return app;
    }

    public static async Task<Ok<Me>> Get(ClaimsPrincipal user, IDeviceCredentialStore credentials, IDeviceRegistry registry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var sites = new List<MySite>();
        foreach (var code in user.Sites().Order(StringComparer.Ordinal))
        {
            var deviceId = await credentials.DeviceAtSiteAsync(code, ct).ConfigureAwait(false);
            var state = deviceId is null ? null : await registry.GetAsync(deviceId, ct).ConfigureAwait(false);
            sites.Add(new MySite(code, deviceId, state?.Online == true, state?.LastSeen));
        }

        return TypedResults.Ok(new Me(user.Identity?.Name ?? "anonymous", user.ApiRoleOrNull(), sites));
    }
}
