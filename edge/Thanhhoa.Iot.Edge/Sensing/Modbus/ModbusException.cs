namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>A slave answered a request with an exception response.</summary>
public sealed class ModbusException : Exception
{
    public ModbusException(byte slave, ModbusFunction function, ushort address, ModbusExceptionCode code)
        : base($"Modbus slave {slave} answered function {(byte)function:X2} ({ModbusNames.Of(function)}) at address 0x{address:X4} " +
               $"with exception {(byte)code:X2} ({ModbusNames.Of(code)}): {ModbusNames.AdviceFor(code)}.")
    {
        Slave = slave;
        Function = function;
        Address = address;
        Code = code;
    }

    public ModbusException()
    {
    }

    public ModbusException(string message)
        : base(message)
    {
    }

    public ModbusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public byte Slave { get; }

    public ModbusFunction Function { get; }

    public ushort Address { get; }

    public ModbusExceptionCode Code { get; }

    /// <summary>Readable name of <see cref="Code"/>, e.g. <c>illegal data address</c>.</summary>
    public string CodeName => ModbusNames.Of(Code);
}
