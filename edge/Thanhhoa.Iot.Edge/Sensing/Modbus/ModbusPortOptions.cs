namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>One entry of <c>Site:ModbusPorts</c>: an RS-485 line and how the master treats it.</summary>
public sealed class ModbusPortOptions
{
    /// <summary>Name the channels refer to, e.g. <c>rs485</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Serial device, e.g. <c>/dev/ttyUSB0</c> or <c>/dev/serial/by-id/...</c>.</summary>
    public string Device { get; set; } = string.Empty;

    public int BaudRate { get; set; } = 9600;

    /// <summary><c>none</c>, <c>even</c> or <c>odd</c>.</summary>
    public string Parity { get; set; } = "none";

    /// <summary>1 or 2.</summary>
    public int StopBits { get; set; } = 1;

    /// <summary>How long to wait for an answer to one request.</summary>
    public string Timeout { get; set; } = "500ms";

    /// <summary>Further attempts after a timeout or a corrupt answer.</summary>
    public int Retries { get; set; } = 2;
}
