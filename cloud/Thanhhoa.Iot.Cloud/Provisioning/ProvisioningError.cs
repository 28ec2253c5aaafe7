namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>
/// A refused provisioning: HTTP status, a stable <see cref="Code"/> the gateway maps to its message and
/// exit code (token_unknown, token_used, token_expired, token_revoked, site_mismatch, invalid_request,
/// broker_unavailable), and text for a person.
/// </summary>
public sealed record ProvisioningError(int Status, string Code, string Title, string Detail);
