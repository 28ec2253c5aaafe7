using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>One quantity of an INA219 (DC bus voltage, current, power).</summary>
public sealed class Ina219Channel : ISensorChannel
{
    private readonly Ina219Sensor _sensor;
    private readonly Ina219Quantity _quantity;
    private readonly TimeProvider _time;

    public Ina219Channel(ChannelSpec spec, Ina219Sensor sensor, Ina219Quantity quantity, TimeProvider time)
    {
        Id = spec.Id;
        Unit = spec.Unit;
        PollInterval = spec.PollInterval;
        _sensor = sensor;
        _quantity = quantity;
        _time = time;
    }

    public string Id { get; }

    public string Unit { get; }

    public TimeSpan PollInterval { get; }

    public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SensorReading(Id, _time.GetUtcNow(), _sensor.Read(_quantity), Quality.Good));
}
