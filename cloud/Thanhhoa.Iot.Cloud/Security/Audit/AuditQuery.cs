namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary>Newest first, between <see cref="From"/> and <see cref="To"/>, optionally by actor text.</summary>
public sealed record AuditQuery(DateTimeOffset From, DateTimeOffset To, string? Actor, int Limit);
