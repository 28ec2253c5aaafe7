namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>What may make the gateway's wall time trusted.</summary>
public enum TimeSource
{
    /// <summary>The OS says its clock is synchronised (NTP).</summary>
    Ntp,

    /// <summary>The broker's time in the CONNACK (<c>thiot-time</c>).</summary>
    Cloud,

    /// <summary>A registered <see cref="IExternalTimeSource"/> (GPS, modem).</summary>
    Gps,
}
