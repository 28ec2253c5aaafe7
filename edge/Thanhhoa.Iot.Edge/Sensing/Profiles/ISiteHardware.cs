using System.Device.Gpio;
using System.Device.I2c;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>The buses a site's channels sit on: real Linux devices, or the in-process fakes.</summary>
public interface ISiteHardware : IDisposable
{
    GpioController Gpio { get; }

    /// <summary>Opens an I2C device; <paramref name="driver"/> tells the fake hardware which chip to put there.</summary>
    I2cDevice OpenI2c(int bus, int address, string driver);

    IModbusTransport OpenModbus(ModbusPortOptions port);

    /// <summary>Root under which the w1 bus masters' directories live.</summary>
    string OneWireSysfsRoot { get; }
}
