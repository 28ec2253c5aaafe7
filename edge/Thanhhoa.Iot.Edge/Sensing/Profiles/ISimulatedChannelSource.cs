namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Makes the channels of driver <c>simulated</c>; the simulated site registers its own.</summary>
public interface ISimulatedChannelSource
{
    ISensorChannel Create(ChannelSpec spec, ChannelOptions options);
}
