namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>The caller of <c>GET /api/me</c>: name, role and (technicians) their sites.</summary>
public sealed record Me(string Name, ApiRole? Role, IReadOnlyList<MySite> Sites);
