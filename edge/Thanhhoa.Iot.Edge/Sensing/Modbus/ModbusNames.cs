namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>Readable names for function and exception codes, for messages people read.</summary>
public static class ModbusNames
{
    public static string Of(ModbusFunction function) => function switch
    {
        ModbusFunction.ReadHoldingRegisters => "read holding registers",
        ModbusFunction.ReadInputRegisters => "read input registers",
        ModbusFunction.WriteSingleRegister => "write single register",
        ModbusFunction.WriteMultipleRegisters => "write multiple registers",
        _ => "function",
    };

    public static string Of(ModbusExceptionCode code) => code switch
    {
        ModbusExceptionCode.IllegalFunction => "illegal function",
        ModbusExceptionCode.IllegalDataAddress => "illegal data address",
        ModbusExceptionCode.IllegalDataValue => "illegal data value",
        ModbusExceptionCode.SlaveDeviceFailure => "slave device failure",
        ModbusExceptionCode.Acknowledge => "acknowledge",
        ModbusExceptionCode.SlaveDeviceBusy => "slave device busy",
        ModbusExceptionCode.MemoryParityError => "memory parity error",
        ModbusExceptionCode.GatewayPathUnavailable => "gateway path unavailable",
        ModbusExceptionCode.GatewayTargetFailedToRespond => "gateway target failed to respond",
        _ => "unknown exception",
    };

    /// <summary>What a technician should check for each exception.</summary>
    public static string AdviceFor(ModbusExceptionCode code) => code switch
    {
        ModbusExceptionCode.IllegalFunction => "the device does not support this function; check the register map's table (input vs holding)",
        ModbusExceptionCode.IllegalDataAddress => "the register does not exist on this device; check the register map and the meter model",
        ModbusExceptionCode.IllegalDataValue => "the device refused the value or the register count; check the register type and range",
        ModbusExceptionCode.SlaveDeviceFailure => "the device reported an internal failure; power-cycle it",
        _ => "check the device's manual for this exception",
    };
}
