using System.Device.Gpio;
using System.Device.I2c;
using System.Globalization;
using Thanhhoa.Iot.Edge.Sensing.Modbus;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// In-process hardware for laptops, the demo and tests (<c>Site:Hardware = fake</c>): a fake GPIO
/// chip, fake INA219/BME280 chips, a directory of w1_slave files and simulated Modbus lines, all
/// under the real drivers. Seeded with a healthy site; <see cref="Simulation.SimulatedSiteDriver"/>
/// moves the values as the simulated site model says.
/// </summary>
public sealed class FakeSiteHardware : ISiteHardware
{
    private readonly Dictionary<(int Bus, int Address), FakeI2cDevice> _i2c = [];
    private readonly Dictionary<string, SimulatedModbusLine> _lines = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public FakeSiteHardware(SiteProfileOptions profile)
    {
        GpioDriver = new FakeGpioDriver();
        Gpio = new GpioController(GpioDriver);
        OneWireSysfsRoot = Path.Combine(Path.GetTempPath(), $"thgw-w1-{Guid.NewGuid():N}");
        Directory.CreateDirectory(OneWireSysfsRoot);
        new FakeSiteSeeder(this).Seed(profile);
    }

    public FakeGpioDriver GpioDriver { get; }

    public GpioController Gpio { get; }

    public string OneWireSysfsRoot { get; }

    public I2cDevice OpenI2c(int bus, int address, string driver) => Chip(bus, address, driver);

    public IModbusTransport OpenModbus(ModbusPortOptions port) => Line(port.Id, port.BaudRate);

    /// <summary>Drives a digital input pin (high or low, before any active-low inversion).</summary>
    public void SetPin(int pin, bool high) => GpioDriver.SetInput(pin, high ? PinValue.High : PinValue.Low);

    public FakeIna219Device Ina219(int bus, int address) => (FakeIna219Device)Chip(bus, address, ChannelDrivers.Ina219);

    public FakeBme280Device Bme280(int bus, int address) => (FakeBme280Device)Chip(bus, address, ChannelDrivers.Bme280);

    public SimulatedModbusLine Line(string portId, int baudRate = 9600)
    {
        lock (_lock)
        {
            if (!_lines.TryGetValue(portId, out var line))
            {
                _lines[portId] = line = new SimulatedModbusLine($"simulated:{portId}", baudRate);
            }

            return line;
        }
    }

    /// <summary>Writes the w1_slave file a DS18B20 would show; null removes it (sensor unplugged).</summary>
    public void SetOneWireTemperature(string bus, string device, double? celsius)
    {
        var dir = Path.Combine(OneWireSysfsRoot, bus, device);
        var file = Path.Combine(dir, "w1_slave");
        if (celsius is not { } value)
        {
            File.Delete(file);
            return;
        }

        Directory.CreateDirectory(dir);
        var raw = (int)Math.Round(value * 16) & 0xFFFF;
        var bytes = string.Create(CultureInfo.InvariantCulture, $"{raw & 0xFF:x2} {raw >> 8:x2} 4b 46 7f ff 0c 10 1c");
        var milli = (int)Math.Round(value * 1000);
        var temporary = file + ".new";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{bytes} : crc=1c YES\n{bytes} t={milli}\n"));
        File.Move(temporary, file, overwrite: true); // a reader sees the old file or the new one, never half of one
    }

    public void Dispose()
    {
        Gpio.Dispose();
        try
        {
            Directory.Delete(OneWireSysfsRoot, recursive: true);
        }
        catch (IOException)
        {
            // a reader may hold a file for a moment; the OS temp cleaner takes the rest
        }
    }

    private FakeI2cDevice Chip(int bus, int address, string driver)
    {
        lock (_lock)
        {
            if (!_i2c.TryGetValue((bus, address), out var chip))
            {
                var settings = new I2cConnectionSettings(bus, address);
                chip = driver == ChannelDrivers.Bme280 ? new FakeBme280Device(settings) : new FakeIna219Device(settings);
                _i2c[(bus, address)] = chip;
            }

            return chip;
        }
    }
}
