using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>
/// Size of a payload on the wire as one MQTT 5 QoS 1 PUBLISH, encoded by MQTTnet's own packet
/// formatter: fixed header, topic, packet id, properties (content type) and payload. TCP/IP and TLS
/// framing are not counted.
/// </summary>
public static class MqttWireSize
{
    /// <summary>Bytes of the PUBLISH packet carrying <paramref name="payload"/>.</summary>
    public static int Publish(string topic, string contentType, byte[] payload)
    {
        var packet = new MqttPublishPacket
        {
            Topic = topic,
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
            PacketIdentifier = 1,
            ContentType = contentType,
            PayloadSegment = payload,
        };
        var adapter = new MqttPacketFormatterAdapter(MqttProtocolVersion.V500, new MqttBufferWriter(4096, 65536));
        return adapter.Encode(packet).Length;
    }
}
