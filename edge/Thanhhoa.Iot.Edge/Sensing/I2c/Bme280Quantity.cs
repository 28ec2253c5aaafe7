namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>What a BME280 channel reports.</summary>
public enum Bme280Quantity
{
    Temperature,
    Humidity,
    Pressure,
}
