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
    private const double BusVoltageWrap = 8192 * 0.004;
    private const double ShuntVoltageWrap = 65536 * 10e-6;
    private readonly Lock _lock = new();
    private readonly double _currentLsb;

    public Ina219Sensor(I2cDevice device, double shuntOhms, double currentLsbAmps)
    {
        _device = device;
        _chip = new Ina219(device);
        _chip.Reset();
        _chip.BusVoltageRange = Ina219BusVoltageRange.Range32v;
        _chip.PgaSensitivity = Ina219PgaSensitivity.PlusOrMinus320mv;
        _chip.OperatingMode = Ina219OperatingMode.ShuntAndBusContinuous;
        _currentLsb = (float)currentLsbAmps; // the binding keeps the LSB as a float
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
                Ina219Quantity.BusVoltage => AsUnsigned(_chip.ReadBusVoltage().Volts, BusVoltageWrap),
                Ina219Quantity.Current => AsSigned(_chip.ReadCurrent().Amperes, 65536 * _currentLsb),
                Ina219Quantity.Power => (double)_chip.ReadPower().Watts,
                Ina219Quantity.ShuntVoltage => AsSigned(_chip.ReadShuntVoltage().Volts, ShuntVoltageWrap),
                _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown INA219 quantity."),
            };
        }
    }

    // The binding (Iot.Device.Bindings 4.2) reads registers with the wrong signedness. The bus voltage
    // register is unsigned (SBOS448 8.6.3.2), but is read as signed: 16.384–32 V come out 32.768 V low
    // (negative), which is where a 48 V plant behind a 1:3 divider sits. Shunt voltage and current are
    // two's complement, but are read as unsigned: a reverse current comes out 65536 LSB high.
    private static double AsUnsigned(double value, double wrap) => value < 0 ? value + wrap : value;

    private static double AsSigned(double value, double wrap) => value >= wrap / 2 ? value - wrap : value;

    public void Dispose()
    {
        _chip.Dispose();
        _device.Dispose();
    }
}
