using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.PowerMode;

namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>
/// One BME280 shared by its temperature, humidity and pressure channels. Runs in normal mode
/// (the chip measures continuously), so a read never waits for a forced conversion.
/// The binding disposes the <see cref="I2cDevice"/> it was given.
/// </summary>
public sealed class Bme280Sensor : IDisposable
{
    private readonly Bme280 _chip;
    private readonly Lock _lock = new();

    public Bme280Sensor(I2cDevice device)
    {
        _chip = new Bme280(device)
        {
            TemperatureSampling = Sampling.Standard,
            PressureSampling = Sampling.Standard,
            HumiditySampling = Sampling.Standard,
            FilterMode = Bmx280FilteringMode.X4,
        };
        _chip.SetPowerMode(Bmx280PowerMode.Normal);
    }

    public double Read(Bme280Quantity quantity)
    {
        lock (_lock)
        {
            var result = _chip.Read();
            double? value = quantity switch
            {
                Bme280Quantity.Temperature => result.Temperature?.DegreesCelsius,
                Bme280Quantity.Humidity => result.Humidity?.Percent,
                Bme280Quantity.Pressure => result.Pressure?.Pascals,
                _ => null,
            };
            return value ?? throw new IOException($"BME280 returned no {quantity} (measurement skipped); check its oversampling settings.");
        }
    }

    public void Dispose() => _chip.Dispose();
}
