namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>An answer that cannot be trusted (CRC error, wrong slave, wrong shape): discarded and the request retried.</summary>
internal sealed class ModbusFrameException : Exception
{
    public ModbusFrameException()
    {
    }

    public ModbusFrameException(string message)
        : base(message)
    {
    }

    public ModbusFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
