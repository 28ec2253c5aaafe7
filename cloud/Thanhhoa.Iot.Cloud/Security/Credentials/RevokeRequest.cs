namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>Body of <c>POST /api/device-credentials/{id}/revoke</c>; the reason is kept and shown to the device when it tries to connect.</summary>
public sealed record RevokeRequest(string? Reason);
