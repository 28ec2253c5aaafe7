using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>
/// <c>Authorization: Bearer thk_…</c> → the key's role and sites; a browser may instead hold the key in the
/// HttpOnly session cookie set by <c>POST /api/session</c> (what the dashboard page, its CSV links and its
/// event stream use). Without either: nobody, except in development mode, where the caller is an anonymous
/// operator. A bad key is refused in every mode. 401 and 403 answers are problem details that say what to do.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IOptions<SecurityOptions> security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var cookie = Request.Cookies[SessionApi.CookieName];
        if (string.IsNullOrEmpty(header) && string.IsNullOrEmpty(cookie))
        {
            return security.Value.Mode == SecurityMode.Development
                ? AuthenticateResult.Success(new AuthenticationTicket(ApiClaims.DevelopmentAnonymous(SchemeName), SchemeName))
                : AuthenticateResult.NoResult();
        }

        if (!string.IsNullOrEmpty(header) && !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not 'Bearer <API key>'.");
        }

        var presented = string.IsNullOrEmpty(header) ? cookie! : header[Bearer.Length..].Trim();
        var key = await keys.AuthenticateAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or malformed.");
        }

        var principal = ApiClaims.For(key.Id, key.Name, key.Role, key.Sites, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var presented = !string.IsNullOrEmpty(Request.Headers.Authorization.ToString()) || Request.Cookies.ContainsKey(SessionApi.CookieName);
        return Problem(
            StatusCodes.Status401Unauthorized,
            presented ? "The API key was not accepted." : "An API key is required.",
            presented
                ? "The key is unknown, revoked or mistyped. Ask an admin for a valid key (POST /api/api-keys)."
                : "Send 'Authorization: Bearer <API key>'. An admin creates keys with POST /api/api-keys; the first one is in the cloud's data directory (security/bootstrap-admin.key).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.ApiRoleOrNull()?.ToString().ToLowerInvariant() ?? "unknown";
        return Problem(
            StatusCodes.Status403Forbidden,
            "Your role does not allow this.",
            $"The key '{Context.User.Identity?.Name}' has role {role}, which may not {Request.Method} {Request.Path}. Technicians reach only their own sites; operators read and acknowledge alarms; admins do the rest.");
    }

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
}
