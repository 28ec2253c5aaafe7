namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>What the technician asked for: which cloud, which token, which site, where to keep credentials and configuration.</summary>
public sealed record ProvisionPlan(Uri Cloud, string Token, string? Site, string DataDirectory, string ConfigFile, string? Firmware)
{
    // Never print the token (records print every property by default).
    public override string ToString() => $"provision at {Cloud} (site {Site ?? "-"}, data {DataDirectory}, config {ConfigFile})";
}
