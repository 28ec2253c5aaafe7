namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>The Modbus function codes this master speaks.</summary>
public enum ModbusFunction : byte
{
    ReadHoldingRegisters = 0x03,
    ReadInputRegisters = 0x04,
    WriteSingleRegister = 0x06,
    WriteMultipleRegisters = 0x10,
}
