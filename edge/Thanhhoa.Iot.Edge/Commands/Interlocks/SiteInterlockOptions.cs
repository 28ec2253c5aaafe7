using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Commands.Interlocks;

/// <summary>The interlocks of the site profile, bound from the <c>Site</c> section with the channels they name.</summary>
public sealed class SiteInterlockOptions
{
    public List<InterlockOptions> Interlocks { get; set; } = [];

    /// <summary>The profile's channels, to check that interlocks name real outputs and inputs.</summary>
    public List<ChannelOptions> Channels { get; set; } = [];
}
