namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>Which register table an entry lives in (function 04 or 03).</summary>
public enum RegisterTable
{
    Input,
    Holding,
}
