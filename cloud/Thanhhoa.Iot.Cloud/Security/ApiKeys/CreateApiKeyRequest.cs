using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>Body of <c>POST /api/api-keys</c>. <see cref="Sites"/> is required for technicians and ignored otherwise.</summary>
public sealed record CreateApiKeyRequest(string? Name, ApiRole? Role, IReadOnlyList<string>? Sites);
