namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Values of <c>Site:Hardware</c>.</summary>
public static class SiteHardwareKinds
{
    public const string Linux = "linux";
    public const string Fake = "fake";
}
