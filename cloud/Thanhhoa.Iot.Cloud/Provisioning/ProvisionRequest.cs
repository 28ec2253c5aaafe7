namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>
/// Body of <c>POST /api/provision</c>: the enrollment token, the secret the gateway generated for itself
/// (base64url, at least 32 random bytes; the cloud keeps only its salted hash), and optionally the site
/// the technician says this is (must match the token's site when the token names one).
/// </summary>
public sealed record ProvisionRequest(string? Token, string? Secret, string? Site, string? Firmware)
{
    // Never print the token or the secret (records print every property by default).
    public override string ToString() => $"provision request (site {Site ?? "-"}, firmware {Firmware ?? "-"})";
}
