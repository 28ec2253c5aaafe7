namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>One quantity in a device's register map; a modbus channel reads exactly one entry.</summary>
public sealed record RegisterMapEntry(string Name, ushort Address, RegisterTable Table, RegisterDataType Type, double Scale = 1.0)
{
    public ushort RegisterCount => Type is RegisterDataType.UInt16 or RegisterDataType.Int16 ? (ushort)1 : (ushort)2;
}
