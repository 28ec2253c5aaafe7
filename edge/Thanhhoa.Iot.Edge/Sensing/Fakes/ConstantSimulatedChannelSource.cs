using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>The default for driver <c>simulated</c> when no simulated site is registered: the profile's <c>simulatedValue</c>, always.</summary>
public sealed class ConstantSimulatedChannelSource : ISimulatedChannelSource
{
    private readonly TimeProvider _time;

    public ConstantSimulatedChannelSource(TimeProvider time)
    {
        _time = time;
    }

    public ISensorChannel Create(ChannelSpec spec, ChannelOptions options) => new ConstantChannel(spec, options.SimulatedValue, _time);

    private sealed class ConstantChannel(ChannelSpec spec, double value, TimeProvider time) : ISensorChannel
    {
        public string Id => spec.Id;

        public string Unit => spec.Unit;

        public TimeSpan PollInterval => spec.PollInterval;

        public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new SensorReading(spec.Id, time.GetUtcNow(), value, Quality.Good));
    }
}
