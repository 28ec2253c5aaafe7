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
        Enum.GetValues<SimulatedSignal>().Select(signal => For(site, signal, pollInterval, time)).ToList();

    /// <summary>The channel of one signal, with its wire id and unit.</summary>
    public static SimulatedChannel For(SimulatedSite site, SimulatedSignal signal, TimeSpan pollInterval, TimeProvider time)
    {
        var (id, unit) = signal switch
        {
            SimulatedSignal.Mains => ("mains", "bool"),
            SimulatedSignal.Generator => ("generator", "bool"),
            SimulatedSignal.Door => ("door", "bool"),
            SimulatedSignal.BatteryVoltage => ("battery_v", "V"),
            SimulatedSignal.LoadCurrent => ("load_a", "A"),
            SimulatedSignal.CabinetTemperature => ("cabinet_t", "degC"),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Unknown simulated signal."),
        };
        return new SimulatedChannel(site, signal, id, unit, pollInterval, time);
    }

    public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ValueTask.FromResult(new SensorReading(Id, now, _site.Read(_signal, now), Quality.Good));
    }
}
