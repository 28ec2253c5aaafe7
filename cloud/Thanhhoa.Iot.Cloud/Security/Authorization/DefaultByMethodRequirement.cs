using Microsoft.AspNetCore.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>For endpoints that name no policy: GET and HEAD as <see cref="ApiPolicies.Read"/>, anything else admin-only.</summary>
public sealed class DefaultByMethodRequirement : IAuthorizationRequirement;
