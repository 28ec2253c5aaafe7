namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>What the gateway sends to <c>POST /api/provision</c>.</summary>
public sealed record ProvisionRequestBody(string Token, string Secret, string? Site, string? Firmware)
{
    // Never print the token or the secret (records print every property by default).
    public override string ToString() => $"provision request (site {Site ?? "-"})";
}
