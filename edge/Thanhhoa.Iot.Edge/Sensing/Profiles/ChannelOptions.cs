namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>
/// One entry of <c>Site:Channels</c>. Which fields matter depends on <see cref="Driver"/>;
/// durations are text such as <c>500ms</c>, <c>10s</c>, <c>5m</c> or <c>00:00:10</c>.
/// </summary>
public sealed class ChannelOptions
{
    /// <summary>Channel id on the wire, e.g. <c>battery_v</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>One of <see cref="ChannelDrivers.All"/>.</summary>
    public string Driver { get; set; } = string.Empty;

    /// <summary>Unit of the value; defaults per driver (<c>bool</c> for GPIO, <c>degC</c> for DS18B20...).</summary>
    public string? Unit { get; set; }

    public string PollInterval { get; set; } = "10s";

    /// <summary>Scaling applied to the driver's value: <c>value * gain + offset</c> (e.g. a resistor divider).</summary>
    public double Gain { get; set; } = 1.0;

    public double Offset { get; set; }

    /// <summary>Report by exception: a reading passes only when it moves more than this from the last one reported.</summary>
    public double Deadband { get; set; }

    /// <summary>A reading passes anyway when this long has gone by since the last one reported.</summary>
    public string Heartbeat { get; set; } = "15m";

    // gpio-in / gpio-out
    public int? Pin { get; set; }

    /// <summary><c>none</c>, <c>up</c> or <c>down</c> (gpio-in).</summary>
    public string Pull { get; set; } = "none";

    /// <summary>The input reads 1 when the pin is low (a contact to ground with a pull-up).</summary>
    public bool ActiveLow { get; set; }

    public string Debounce { get; set; } = "50ms";

    // ina219 / bme280
    public int? I2cBus { get; set; }

    public int? I2cAddress { get; set; }

    /// <summary>ina219: <c>busVoltage</c>, <c>current</c>, <c>power</c>, <c>shuntVoltage</c>; bme280: <c>temperature</c>, <c>humidity</c>, <c>pressure</c>.</summary>
    public string? Quantity { get; set; }

    /// <summary>ina219 shunt resistance in ohms.</summary>
    public double ShuntOhms { get; set; } = 0.1;

    /// <summary>ina219 current register LSB in amperes (TI SBOS448 "Current_LSB").</summary>
    public double CurrentLsb { get; set; } = 0.0001;

    // ds18b20
    public string OneWireBus { get; set; } = "w1_bus_master1";

    public string? OneWireDevice { get; set; }

    // modbus
    public string? ModbusPort { get; set; }

    public int? ModbusSlave { get; set; }

    public string RegisterMap { get; set; } = "eastron-sdm";

    public string? Register { get; set; }
}
