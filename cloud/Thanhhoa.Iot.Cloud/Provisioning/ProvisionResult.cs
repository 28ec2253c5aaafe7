namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>Either the provisioned gateway's settings or why it was refused; <see cref="TokenId"/> for the audit log.</summary>
public sealed record ProvisionResult(ProvisionResponse? Response, ProvisioningError? Error, string? TokenId);
