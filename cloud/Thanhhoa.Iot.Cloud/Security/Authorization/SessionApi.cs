using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Audit;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>
/// <c>/api/session</c>: lets a browser use an API key without JavaScript holding it. POST checks the key
/// and puts it in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS), which the page's requests, CSV
/// links and event stream then carry; DELETE removes it. SameSite=Strict keeps other sites from riding on it.
/// </summary>
public static class SessionApi
{
    public const string CookieName = "thiot_key";

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/session").WithTags("Security").AllowAnonymous();
        api.MapPost("/", Open).WithSummary("Check an API key and keep it in an HttpOnly session cookie for the dashboard.");
        api.MapDelete("/", Close).WithSummary("Forget the session cookie.");
        return app;
    }

    public static async Task<Results<Ok<Me>, ProblemHttpResult>> Open(SessionRequest request, ApiKeyService keys, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var key = request.Key is { Length: > 0 } text ? await keys.AuthenticateAsync(text.Trim(), ct).ConfigureAwait(false) : null;
        if (key is null)
        {
            AuditNote.Detail(context, "session refused: unknown, revoked or mistyped key");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The API key was not accepted.",
                detail: "Check the key (thk_…) or ask an admin for one.");
        }

        context.Response.Cookies.Append(CookieName, request.Key!.Trim(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        AuditNote.Actor(context, $"key:{key.Id} '{key.Name}'");
        AuditNote.Detail(context, "opened a browser session");
        return TypedResults.Ok(new Me(key.Name, key.Role, key.Sites.Select(s => new MySite(s, null, false, null)).ToList()));
    }

    public static NoContent Close(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }
}
