using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>One signal of a <see cref="SimulatedSite"/> as a channel the poller reads like any driver.</summary>
public sealed class SimulatedChannel : ISensorChannel
{
    private readonly SimulatedSite _site;
    private readonly SimulatedSignal _signal;
    private readonly TimeProvider _time;

    public SimulatedChannel(SimulatedSite site, SimulatedSignal signal, string id, string unit, TimeSpan pollInterval, TimeProvider time)
    {
        _site = site;
        _signal = signal;
        _time = time;
        Id = id;
        Unit = unit;
        PollInterval = pollInterval;
    }

    public string Id { get; }

    public string Unit { get; }

    public TimeSpan PollInterval { get; }

    /// <summary>The six channels of a site, with their wire ids: mains, generator, door, battery_v, load_a, cabinet_t.</summary>
    public static IReadOnlyList<SimulatedChannel> ForSite(SimulatedSite site, TimeSpan pollInterval, TimeProvider time) =>
    [
        new(site, SimulatedSignal.Mains, "mains", "bool", pollInterval, time),
        new(site, SimulatedSignal.Generator, "generator", "bool", pollInterval, time),
        new(site, SimulatedSignal.Door, "door", "bool", pollInterval, time),
        new(site, SimulatedSignal.BatteryVoltage, "battery_v", "V", pollInterval, time),
        new(site, SimulatedSignal.LoadCurrent, "load_a", "A", pollInterval, time),
        new(site, SimulatedSignal.CabinetTemperature, "cabinet_t", "degC", pollInterval, time),
    ];

    public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ValueTask.FromResult(new SensorReading(Id, now, _site.Read(_signal, now), Quality.Good));
    }
}
