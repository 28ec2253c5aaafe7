namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>Order of the registers of a 32-bit value (Eastron: high word first).</summary>
public enum WordOrder
{
    HighFirst,
    LowFirst,
}
