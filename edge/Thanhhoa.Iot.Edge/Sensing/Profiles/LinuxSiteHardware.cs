using System.Device.Gpio;
using System.Device.I2c;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>The gateway's real buses: the default GPIO chip driver, /dev/i2c-N, serial ports, sysfs w1.</summary>
public sealed class LinuxSiteHardware : ISiteHardware
{
    private readonly Lazy<GpioController> _gpio = new(() => new GpioController());

    public LinuxSiteHardware(SiteProfileOptions profile)
    {
        OneWireSysfsRoot = profile.OneWireSysfsRoot;
    }

    public GpioController Gpio => _gpio.Value;

    public string OneWireSysfsRoot { get; }

    public I2cDevice OpenI2c(int bus, int address, string driver) => I2cDevice.Create(new I2cConnectionSettings(bus, address));

    public IModbusTransport OpenModbus(ModbusPortOptions port) => SerialPortTransport.From(port);

    public void Dispose()
    {
        if (_gpio.IsValueCreated)
        {
            _gpio.Value.Dispose();
        }
    }
}
