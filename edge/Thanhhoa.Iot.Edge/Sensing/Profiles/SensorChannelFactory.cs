using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.Edge.Sensing.Health;
using Thanhhoa.Iot.Edge.Sensing.I2c;
using Thanhhoa.Iot.Edge.Sensing.Modbus;
using Thanhhoa.Iot.Edge.Sensing.OneWire;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>
/// Builds the <see cref="ISensorChannel"/>s of a validated profile: driver → scaling → health check.
/// Drivers are built lazily (see <see cref="DeferredChannel"/>), chips shared between channels.
/// </summary>
public sealed class SensorChannelFactory
{
    private readonly ISiteHardware _hardware;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public SensorChannelFactory(ISiteHardware hardware, TimeProvider time, ILoggerFactory loggers)
    {
        _hardware = hardware;
        _time = time;
        _loggers = loggers;
    }

    public SiteChannels Create(SiteProfileOptions profile, IOutbox outbox)
    {
        var build = new Build(profile, RegisterMapCatalog.Build(profile.RegisterMaps));
        var health = SensorHealthPolicy.From(profile.Health);
        var inputs = new List<ISensorChannel>();
        var digital = new List<IDigitalInputChannel>();
        var outputs = new Dictionary<string, IOutputChannel>(StringComparer.Ordinal);
        var policies = new Dictionary<string, ReportPolicy>(StringComparer.Ordinal);
        foreach (var channel in profile.Channels)
        {
            if (channel.Driver == ChannelDrivers.GpioOut)
            {
                var (id, pin, activeLow) = (channel.Id, channel.Pin!.Value, channel.ActiveLow);
                var output = new DeferredOutputChannel(id, () => new GpioOutputChannel(id, _hardware.Gpio, pin, activeLow));
                output.TryOpen();
                build.Owned.Add(output);
                outputs[channel.Id] = output;
                continue;
            }

            var spec = new ChannelSpec(channel.Id, ChannelDrivers.UnitOf(channel), DurationText.Parse(channel.PollInterval));
            var deferred = new DeferredChannel(spec, () => CreateDriver(spec, channel, build));
            deferred.TryBuild();
            build.Owned.Add(deferred);
            if (channel.Driver == ChannelDrivers.GpioIn)
            {
                digital.Add(deferred);
            }

            ISensorChannel scaled = ChannelDrivers.IsDigital(channel.Driver) || (channel.Gain == 1.0 && channel.Offset == 0.0)
                ? deferred
                : new ScaledChannel(deferred, channel.Gain, channel.Offset);
            inputs.Add(new HealthCheckedChannel(scaled, outbox, _time, health, _loggers.CreateLogger($"{typeof(HealthCheckedChannel).FullName}.{channel.Id}")));
            policies[channel.Id] = new ReportPolicy(channel.Deadband, DurationText.Parse(channel.Heartbeat), ChannelDrivers.IsDigital(channel.Driver));
        }

        build.Owned.Add(build.Ina219);
        build.Owned.Add(build.Bme280);
        return new SiteChannels(inputs, digital, outputs, policies, build.Owned);
    }

    private ISensorChannel CreateDriver(ChannelSpec spec, ChannelOptions channel, Build build) => channel.Driver switch
    {
        ChannelDrivers.GpioIn => new GpioInputChannel(spec, _hardware.Gpio, channel.Pin!.Value, PinModeOf(channel.Pull), channel.ActiveLow, DurationText.Parse(channel.Debounce), _time),
        ChannelDrivers.Ina219 => new Ina219Channel(spec, Ina219Of(channel, build), Enum.Parse<Ina219Quantity>(channel.Quantity!, ignoreCase: true), _time),
        ChannelDrivers.Bme280 => new Bme280Channel(spec, Bme280Of(channel, build), Enum.Parse<Bme280Quantity>(channel.Quantity!, ignoreCase: true), _time),
        ChannelDrivers.Ds18b20 => new Ds18b20Channel(spec, _hardware.OneWireSysfsRoot, channel.OneWireBus, channel.OneWireDevice!, _time),
        ChannelDrivers.Modbus => CreateModbus(spec, channel, build),
        _ => throw new InvalidOperationException($"channel '{channel.Id}': driver '{channel.Driver}' cannot be built; the profile validator should have refused it."),
    };

    private Ina219Sensor Ina219Of(ChannelOptions channel, Build build)
    {
        var (bus, address) = (channel.I2cBus!.Value, channel.I2cAddress!.Value);
        return build.Ina219.Get(bus, address, () => new Ina219Sensor(_hardware.OpenI2c(bus, address, ChannelDrivers.Ina219), channel.ShuntOhms, channel.CurrentLsb));
    }

    private Bme280Sensor Bme280Of(ChannelOptions channel, Build build)
    {
        var (bus, address) = (channel.I2cBus!.Value, channel.I2cAddress!.Value);
        return build.Bme280.Get(bus, address, () => new Bme280Sensor(_hardware.OpenI2c(bus, address, ChannelDrivers.Bme280)));
    }

    private ModbusChannel CreateModbus(ChannelSpec spec, ChannelOptions channel, Build build)
    {
        var port = build.Profile.ModbusPorts.First(p => p.Id == channel.ModbusPort);
        ModbusRtuMaster master;
        lock (build.Masters)
        {
            if (!build.Masters.TryGetValue(port.Id, out master!))
            {
                var transport = _hardware.OpenModbus(port);
                build.Owned.Add(transport);
                var options = new ModbusMasterOptions { Timeout = DurationText.Parse(port.Timeout), Retries = port.Retries };
                master = new ModbusRtuMaster(transport, options, _time, _loggers.CreateLogger<ModbusRtuMaster>());
                build.Owned.Add(master);
                build.Masters[port.Id] = master;
            }
        }

        var map = build.Maps[channel.RegisterMap];
        return new ModbusChannel(spec, master, (byte)channel.ModbusSlave!.Value, map, map.Entries[channel.Register!], _time);
    }

    private static PinMode PinModeOf(string pull) => pull switch
    {
        "up" => PinMode.InputPullUp,
        "down" => PinMode.InputPullDown,
        _ => PinMode.Input,
    };

    private sealed class Build(SiteProfileOptions profile, IReadOnlyDictionary<string, RegisterMap> maps)
    {
        public SiteProfileOptions Profile { get; } = profile;

        public IReadOnlyDictionary<string, RegisterMap> Maps { get; } = maps;

        public Dictionary<string, ModbusRtuMaster> Masters { get; } = new(StringComparer.Ordinal);

        public SharedSensors<Ina219Sensor> Ina219 { get; } = new();

        public SharedSensors<Bme280Sensor> Bme280 { get; } = new();

        public List<IDisposable> Owned { get; } = [];
    }
}
