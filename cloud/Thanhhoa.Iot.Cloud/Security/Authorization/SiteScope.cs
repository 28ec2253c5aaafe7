using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Security.Credentials;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>
/// Which site a request is about, for technicians' keys: <c>/api/sites/{code}…</c> names the site;
/// <c>/api/devices/{id}…</c> names a device, whose site is the one it was provisioned for (or, for a
/// device never provisioned, the one its birth message named). Anything else is about no single site.
/// </summary>
public sealed class SiteScope(IDeviceCredentialStore credentials, IDeviceRegistry registry)
{
    public async Task<string?> SiteOfAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
        if (pattern.StartsWith("api/sites/{code", StringComparison.Ordinal))
        {
            return context.GetRouteValue("code") as string;
        }

        if (pattern.StartsWith("api/devices/{id", StringComparison.Ordinal) && context.GetRouteValue("id") is string deviceId)
        {
            var credential = await credentials.FindAsync(deviceId, context.RequestAborted).ConfigureAwait(false);
            if (credential is not null)
            {
                return credential.IsActive ? credential.Site : null;
            }

            return (await registry.GetAsync(deviceId, context.RequestAborted).ConfigureAwait(false))?.Site;
        }

        return null;
    }
}
