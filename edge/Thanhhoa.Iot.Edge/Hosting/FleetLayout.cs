namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>
/// Who the gateways of a simulated fleet are: gateway i (1-based) is <c>{DevicePrefix}{i:0000}</c>,
/// bound to site <c>{SitePrefix}{i:0000}</c> (none when null), with its state in
/// <c>{DataDirectory}/{device id}/</c>; its simulated site has seed i, so outages are staggered.
/// </summary>
public sealed record FleetLayout(int Count, string DevicePrefix, string? SitePrefix, string DataDirectory)
{
    /// <summary>The id of the <paramref name="index"/>-th gateway (1-based): prefix plus four digits.</summary>
    public string DeviceId(int index) => Numbered(DevicePrefix, index);

    /// <summary>The site code of the <paramref name="index"/>-th gateway, or null when the fleet binds no sites.</summary>
    public string? SiteCode(int index) => SitePrefix is null ? null : Numbered(SitePrefix, index);

    private static string Numbered(string prefix, int index) => $"{prefix}{index:D4}";
}
