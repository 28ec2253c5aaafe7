using Microsoft.AspNetCore.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>
/// The authorization policies of the REST API. Endpoints without a policy get the fallback,
/// <see cref="DefaultByMethodRequirement"/>: reads as <see cref="Read"/>, writes admin-only, so an
/// endpoint somebody adds later is protected before anyone thinks about it.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Operators and admins read everything; technicians read only their own sites and those sites' devices.</summary>
    public const string Read = "thiot.read";

    /// <summary>Acknowledging alarms and similar IOC work: operators and admins.</summary>
    public const string Operate = "thiot.operate";

    /// <summary>Creating enrollment tokens: technicians (for their own sites) and admins.</summary>
    public const string Enroll = "thiot.enroll";

    /// <summary>Everything else that changes the system: keys, revocation, commands, configuration, audit.</summary>
    public const string Admin = "thiot.admin";

    /// <summary>Any valid key (e.g. <c>GET /api/me</c>).</summary>
    public const string AnyRole = "thiot.any";

    /// <summary>GET and HEAD for operators and admins (technicians for their own sites), every other method for admins.</summary>
    public static AuthorizationPolicy ReadsForOperatorsWritesForAdmins(string scheme) =>
        new AuthorizationPolicyBuilder(scheme).RequireAuthenticatedUser().AddRequirements(new DefaultByMethodRequirement()).Build();

    /// <summary>Admins only, whatever the method.</summary>
    public static AuthorizationPolicy AdminsOnly(string scheme) =>
        new AuthorizationPolicyBuilder(scheme).RequireRole(nameof(ApiRole.Admin)).Build();

    public static void Add(AuthorizationOptions options, string scheme)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Read, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser().AddRequirements(new SiteScopedReadRequirement()));
        options.AddPolicy(Operate, p => p.AddAuthenticationSchemes(scheme).RequireRole(nameof(ApiRole.Operator), nameof(ApiRole.Admin)));
        options.AddPolicy(Enroll, p => p.AddAuthenticationSchemes(scheme).RequireRole(nameof(ApiRole.Technician), nameof(ApiRole.Admin)));
        options.AddPolicy(Admin, AdminsOnly(scheme));
        options.AddPolicy(AnyRole, p => p.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser());
        options.FallbackPolicy = ReadsForOperatorsWritesForAdmins(scheme);
    }
}
