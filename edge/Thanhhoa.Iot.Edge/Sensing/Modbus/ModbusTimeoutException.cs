namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>No valid answer arrived within the timeout on any attempt.</summary>
public sealed class ModbusTimeoutException : TimeoutException
{
    public ModbusTimeoutException()
    {
    }

    public ModbusTimeoutException(string message)
        : base(message)
    {
    }

    public ModbusTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
