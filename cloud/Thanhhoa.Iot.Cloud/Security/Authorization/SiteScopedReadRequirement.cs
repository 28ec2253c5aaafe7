using Microsoft.AspNetCore.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>Read access: any operator or admin; a technician only for a site (or a device at a site) listed on the key.</summary>
public sealed class SiteScopedReadRequirement : IAuthorizationRequirement;
