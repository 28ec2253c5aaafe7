namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>Per-request behaviour of a <see cref="ModbusRtuMaster"/>.</summary>
public sealed record ModbusMasterOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(500);

    public int Retries { get; init; } = 2;
}
