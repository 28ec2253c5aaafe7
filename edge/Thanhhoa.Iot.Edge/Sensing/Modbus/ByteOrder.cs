namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>Order of the two bytes inside one register (Modbus itself is big-endian; some devices swap).</summary>
public enum ByteOrder
{
    BigEndian,
    LittleEndian,
}
