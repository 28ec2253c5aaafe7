using Microsoft.AspNetCore.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>Decides <see cref="SiteScopedReadRequirement"/> and <see cref="DefaultByMethodRequirement"/>.</summary>
public sealed class ApiAccessHandler(SiteScope scope) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.Resource as HttpContext;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var allowed = requirement switch
            {
                SiteScopedReadRequirement => await MayReadAsync(context, http).ConfigureAwait(false),
                DefaultByMethodRequirement when http is not null && IsRead(http.Request.Method) => await MayReadAsync(context, http).ConfigureAwait(false),
                DefaultByMethodRequirement => context.User.ApiRoleOrNull() == ApiRole.Admin,
                _ => (bool?)null,
            };
            if (allowed == true)
            {
                context.Succeed(requirement);
            }
        }
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    private async Task<bool> MayReadAsync(AuthorizationHandlerContext context, HttpContext? http)
    {
        switch (context.User.ApiRoleOrNull())
        {
            case ApiRole.Admin or ApiRole.Operator:
                return true;
            case ApiRole.Technician when http is not null:
                var site = await scope.SiteOfAsync(http).ConfigureAwait(false);
                return site is not null && context.User.Sites().Contains(site);
            default:
                return false;
        }
    }
}
