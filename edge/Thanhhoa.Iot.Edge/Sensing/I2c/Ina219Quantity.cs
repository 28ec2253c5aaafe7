namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>What an INA219 channel reports.</summary>
public enum Ina219Quantity
{
    BusVoltage,
    Current,
    Power,
    ShuntVoltage,
}
