using System.Globalization;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// The drain rate the cloud asks of each gateway: its share of the cloud-wide pace, readings per second,
/// as the MQTT 5 user property <see cref="PropertyName"/> (decimal integer) on CONNACK and on every PUBACK.
/// </summary>
public static class DrainHint
{
    /// <summary>Name of the user property. Gateways that do not know it ignore it (the PUBACK delay still paces them).</summary>
    public const string PropertyName = "thiot-drain";

    /// <summary>The share of <paramref name="pace"/> for one of <paramref name="gateways"/> gateways, at least 1; null when unpaced.</summary>
    public static string? For(int pace, int gateways) =>
        pace <= 0 ? null : Math.Max(1, pace / Math.Max(1, gateways)).ToString(CultureInfo.InvariantCulture);
}
