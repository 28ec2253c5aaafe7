using System.Text;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>
/// Bytes an MQTT 5 QoS 1 PUBLISH and its PUBACK take on the wire: the packets as MQTTnet frames them
/// (fixed header, topic, packet id, properties, payload) plus TCP/IP headers per segment.
/// </summary>
public static class WireSize
{
    /// <summary>TCP payload per segment on a 1,500-byte MTU.</summary>
    public const int SegmentBytes = 1460;

    /// <summary>A PUBACK with reason code 0 and no properties: fixed header 2 + packet id 2.</summary>
    public const int PubAckBytes = 4;

    /// <summary>The PUBLISH packet alone (MQTT 5, QoS 1, content type property only).</summary>
    public static int PublishBytes(string topic, string? contentType, int payloadBytes)
    {
        var properties = contentType is null ? 0 : 1 + 2 + Encoding.UTF8.GetByteCount(contentType);
        var remaining = 2 + Encoding.UTF8.GetByteCount(topic) + 2 + VarIntBytes(properties) + properties + payloadBytes;
        return 1 + VarIntBytes(remaining) + remaining;
    }

    /// <summary>PUBLISH and PUBACK with the TCP/IP headers of their segments (one each way at least).</summary>
    public static long ExchangeBytes(string topic, string? contentType, int payloadBytes, int tcpIpOverheadBytes)
    {
        var publish = PublishBytes(topic, contentType, payloadBytes);
        var segments = (publish + SegmentBytes - 1) / SegmentBytes;
        return publish + PubAckBytes + ((segments + 1L) * tcpIpOverheadBytes);
    }

    private static int VarIntBytes(int value) => value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
}
