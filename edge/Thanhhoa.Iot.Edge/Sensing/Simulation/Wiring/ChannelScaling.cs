using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>A channel's <c>value × gain + offset</c>, undone: what the part must show so the channel reads the physical value.</summary>
internal readonly record struct ChannelScaling(double Gain, double Offset)
{
    public static ChannelScaling None { get; } = new(1.0, 0.0);

    public static ChannelScaling Of(ChannelOptions? channel) => channel is null ? None : new(channel.Gain, channel.Offset);

    public double Raw(double value) => (value - Offset) / Gain;
}
