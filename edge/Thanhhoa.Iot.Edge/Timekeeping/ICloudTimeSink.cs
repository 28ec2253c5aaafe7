namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>Where the uplink hands the broker's time from the CONNACK (<c>thiot-time</c> user property).</summary>
public interface ICloudTimeSink
{
    /// <summary>The broker's UTC time as the CONNACK carried it (ISO-8601 with Z), received just now; unreadable values are logged and ignored.</summary>
    void ServerTimeReceived(string iso8601Utc);
}
