using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>One quantity of a BME280 (cabinet temperature, humidity, pressure).</summary>
public sealed class Bme280Channel : ISensorChannel
{
    private readonly Bme280Sensor _sensor;
    private readonly Bme280Quantity _quantity;
    private readonly TimeProvider _time;

    public Bme280Channel(ChannelSpec spec, Bme280Sensor sensor, Bme280Quantity quantity, TimeProvider time)
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
