using Iot.Device.OneWire;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.OneWire;

/// <summary>
/// A DS18B20 on the Linux w1 bus, read through Iot.Device.OneWire (the w1_slave sysfs file).
/// The binding joins its own sysfs root with the bus id; passing an absolute bus path rooted at
/// <c>sysfsRoot</c> makes the root configurable (a test tree, the fake hardware).
/// </summary>
public sealed class Ds18b20Channel : ISensorChannel
{
    /// <summary>The DS18B20's power-on reset value: a reading of exactly this is usually a sensor that lost power mid-conversion.</summary>
    public const double PowerOnResetCelsius = 85.0;

    private readonly OneWireThermometerDevice _device;
    private readonly TimeProvider _time;

    public Ds18b20Channel(ChannelSpec spec, string sysfsRoot, string busId, string deviceId, TimeProvider time)
    {
        Id = spec.Id;
        Unit = spec.Unit;
        PollInterval = spec.PollInterval;
        _device = new OneWireThermometerDevice(Path.GetFullPath(Path.Combine(sysfsRoot, busId)), deviceId);
        _time = time;
    }

    public string Id { get; }

    public string Unit { get; }

    public TimeSpan PollInterval { get; }

    public async ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        double celsius;
        try
        {
            celsius = (await _device.ReadTemperatureAsync().ConfigureAwait(false)).DegreesCelsius;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new IOException($"DS18B20 {_device.DeviceId} on {_device.BusId} could not be read ({ex.Message}); check the sensor's wiring and the 4.7 kOhm pull-up.", ex);
        }

        var quality = celsius == PowerOnResetCelsius ? Quality.Uncertain : Quality.Good;
        return new SensorReading(Id, _time.GetUtcNow(), celsius, quality);
    }
}
