namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>How the registers of an entry encode its value.</summary>
#pragma warning disable CA1720 // the members are named after the data types, as register maps and profiles spell them
public enum RegisterDataType
{
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
}
#pragma warning restore CA1720
