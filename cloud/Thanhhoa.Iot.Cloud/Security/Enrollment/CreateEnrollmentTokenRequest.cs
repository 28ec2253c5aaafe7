namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>Body of <c>POST /api/enrollment-tokens</c>. Technicians must name one of their sites.</summary>
public sealed record CreateEnrollmentTokenRequest(string? Site, int? ValidHours, string? Note);
