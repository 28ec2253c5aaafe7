using System.Security.Claims;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>The claims an API caller carries, and how to read them back.</summary>
public static class ApiClaims
{
    public const string Site = "thiot:site";
    public const string Development = "thiot:development";

    public static ClaimsPrincipal For(string keyId, string name, ApiRole role, IEnumerable<string> sites, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, keyId),
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role.ToString()),
        };
        claims.AddRange(sites.Select(s => new Claim(Site, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The anonymous caller of development mode: an operator, marked so the audit log says so.</summary>
    public static ClaimsPrincipal DevelopmentAnonymous(string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "anonymous"),
            new Claim(ClaimTypes.Name, "anonymous (development mode)"),
            new Claim(ClaimTypes.Role, nameof(ApiRole.Operator)),
            new Claim(Development, "true"),
        ],
        scheme));

    public static ApiRole? ApiRoleOrNull(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Enum.TryParse<ApiRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
    }

    public static IReadOnlySet<string> Sites(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(Site).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How the audit log names the caller: <c>key:{id} '{name}'</c>, or <c>anonymous</c>.</summary>
    public static string ActorName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return "anonymous";
        }

        return user.HasClaim(c => c.Type == Development)
            ? "anonymous (development mode)"
            : $"key:{user.FindFirstValue(ClaimTypes.NameIdentifier)} '{user.FindFirstValue(ClaimTypes.Name)}'";
    }
}
