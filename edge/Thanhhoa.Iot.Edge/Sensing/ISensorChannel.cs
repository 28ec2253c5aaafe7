namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>
/// One input of a site (a GPIO pin, an I2C quantity, a Modbus register, a simulated signal).
/// Real drivers and the simulated site implement this; the poller treats them alike.
/// </summary>
public interface ISensorChannel
{
    /// <summary>Channel id as it appears on the wire, e.g. <c>battery_v</c>.</summary>
    string Id { get; }

    /// <summary>Unit of the value, e.g. <c>V</c>, <c>A</c>, <c>degC</c>, <c>bool</c>.</summary>
    string Unit { get; }

    /// <summary>How often the poller reads it.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Reads the current value. Throws when the sensor cannot be read; the poller turns that into a bad-quality reading.</summary>
    ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken);
}
