using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Health;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>The site profile, bound from the <c>Site</c> configuration section.</summary>
public sealed class SiteProfileOptions
{
    public const string SectionName = "Site";

    /// <summary>Free text for the technician, e.g. <c>BTS TH-0123 Nga Son</c>.</summary>
    public string Name { get; set; } = "site";

    /// <summary><c>linux</c> (real GPIO, I2C, 1-wire, serial) or <c>fake</c> (in-process fakes driving the same driver code).</summary>
    public string Hardware { get; set; } = SiteHardwareKinds.Linux;

    /// <summary>Where the w1 bus masters live; a test or the fake hardware points this at a directory of w1_slave files.</summary>
    public string OneWireSysfsRoot { get; set; } = "/sys/devices";

    public List<ChannelOptions> Channels { get; set; } = [];

    public List<ModbusPortOptions> ModbusPorts { get; set; } = [];

    /// <summary>Extra or overriding register maps by name; <c>eastron-sdm</c> is built in.</summary>
    public Dictionary<string, RegisterMapOptions> RegisterMaps { get; set; } = new(StringComparer.Ordinal);

    public SensorHealthOptions Health { get; set; } = new();

    public AlarmOptions Alarms { get; set; } = new();
}
