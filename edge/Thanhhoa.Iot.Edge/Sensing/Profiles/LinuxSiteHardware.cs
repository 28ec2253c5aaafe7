using System.Device.Gpio;
using System.Device.I2c;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>The gateway's real buses: the default GPIO chip driver, /dev/i2c-N, serial ports, sysfs w1.</summary>
public sealed class LinuxSiteHardware : ISiteHardware
{
    private readonly Lock _lock = new();
    private GpioController? _gpio;

    public LinuxSiteHardware(SiteProfileOptions profile)
    {
        OneWireSysfsRoot = profile.OneWireSysfsRoot;
    }

    /// <summary>Opened on first use and again after a failure (no GPIO chip yet, libgpiod missing): unlike Lazy, a failure is not cached.</summary>
    public GpioController Gpio
    {
        get
        {
            lock (_lock)
            {
                return _gpio ??= new GpioController();
            }
        }
    }

    public string OneWireSysfsRoot { get; }

    public I2cDevice OpenI2c(int bus, int address, string driver) => I2cDevice.Create(new I2cConnectionSettings(bus, address));

    public IModbusTransport OpenModbus(ModbusPortOptions port) => SerialPortTransport.From(port);

    public void Dispose()
    {
        lock (_lock)
        {
            _gpio?.Dispose();
            _gpio = null;
        }
    }
}
