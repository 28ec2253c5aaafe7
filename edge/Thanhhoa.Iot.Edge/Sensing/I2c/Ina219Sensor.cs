using System.Device.I2c;
using Iot.Device.Adc;

namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>
/// One INA219 chip shared by its channels (bus voltage and current are two channels of one chip).
/// Configured for the 32 V range, ±320 mV shunt range and the datasheet calibration. Reads are
/// serialised. Disposes the <see cref="I2cDevice"/> it was given.
/// </summary>
public sealed class Ina219Sensor : IDisposable
{
    private readonly I2cDevice _device;
    private readonly Ina219 _chip;
    private readonly Lock _lock = new();

    public Ina219Sensor(I2cDevice device, double shuntOhms, double currentLsbAmps)
    {
        _device = device;
        _chip = new Ina219(device);
        _chip.Reset();
        _chip.BusVoltageRange = Ina219BusVoltageRange.Range32v;
        _chip.PgaSensitivity = Ina219PgaSensitivity.PlusOrMinus320mv;
        _chip.OperatingMode = Ina219OperatingMode.ShuntAndBusContinuous;
        Calibration = Ina219Calibration.Compute(shuntOhms, currentLsbAmps);
        _chip.SetCalibration(Calibration, (float)currentLsbAmps);
    }

    public ushort Calibration { get; }

    public double Read(Ina219Quantity quantity)
    {
        lock (_lock)
        {
            return quantity switch
            {
                Ina219Quantity.BusVoltage => _chip.ReadBusVoltage().Volts,
                Ina219Quantity.Current => _chip.ReadCurrent().Amperes,
                Ina219Quantity.Power => (double)_chip.ReadPower().Watts,
                Ina219Quantity.ShuntVoltage => _chip.ReadShuntVoltage().Volts,
                _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown INA219 quantity."),
            };
        }
    }

    public void Dispose()
    {
        _chip.Dispose();
        _device.Dispose();
    }
}
