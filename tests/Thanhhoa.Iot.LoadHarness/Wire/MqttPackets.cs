using System.Buffers.Binary;
using System.Text;

namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>
/// The MQTT 5 packets a load-harness gateway sends, encoded by hand (OASIS MQTT 5.0, section 3): CONNECT with a
/// will, PUBLISH at QoS 0 or 1 with a content type, PUBACK, SUBSCRIBE, PINGREQ and DISCONNECT. Each is one array,
/// fixed header included, ready for one socket send.
/// </summary>
internal static class MqttPackets
{
    public const byte ConnAck = 2;
    public const byte Publish = 3;
    public const byte PubAck = 4;
    public const byte SubAck = 9;
    public const byte PingResp = 13;
    public const byte Disconnect = 14;

    /// <summary>Largest packet either side may send here: bigger ones are a protocol error, not a reason to grow a buffer.</summary>
    public const int MaxPacketSize = 1 << 20;

    private const byte ContentTypeProperty = 0x03;

    public static readonly byte[] PingReq = [0xC0, 0x00];

    public static readonly byte[] DisconnectNormally = [0xE0, 0x00];

    public static byte[] Connect(ConnectRequest request)
    {
        var will = request.Will;
        var willProperties = will is null ? 0 : ContentTypeSize(will.ContentType);
        var body = 10 + 1 // protocol name and level, flags and keep-alive; no CONNECT properties
            + StringSize(request.ClientId)
            + (will is null ? 0 : VarIntSize(willProperties) + willProperties + StringSize(will.Topic) + 2 + will.Payload.Length);
        var flags = (byte)(0x02 | (will is null ? 0 : 0x04 | (will.Qos << 3) | (will.Retain ? 0x20 : 0)));
        var packet = new Writer(0x10, body);
        packet.String("MQTT");
        packet.Byte(5);
        packet.Byte(flags);
        packet.UInt16(checked((ushort)request.KeepAliveSeconds));
        packet.VarInt(0);
        packet.String(request.ClientId);
        if (will is not null)
        {
            packet.VarInt(willProperties);
            packet.ContentType(will.ContentType);
            packet.String(will.Topic);
            packet.UInt16(checked((ushort)will.Payload.Length));
            packet.Bytes(will.Payload);
        }

        return packet.Done();
    }

    /// <param name="packetId">The packet identifier; ignored at QoS 0.</param>
    public static byte[] PublishPacket(OutgoingMessage message, ushort packetId)
    {
        var properties = ContentTypeSize(message.ContentType);
        var body = StringSize(message.Topic) + (message.Qos > 0 ? 2 : 0) + VarIntSize(properties) + properties + message.Payload.Length;
        var packet = new Writer((byte)(0x30 | (message.Qos << 1) | (message.Retain ? 1 : 0)), body);
        packet.String(message.Topic);
        if (message.Qos > 0)
        {
            packet.UInt16(packetId);
        }

        packet.VarInt(properties);
        packet.ContentType(message.ContentType);
        packet.Bytes(message.Payload);
        return packet.Done();
    }

    public static byte[] PubAckPacket(ushort packetId) => [0x40, 0x02, (byte)(packetId >> 8), (byte)packetId];

    public static byte[] SubscribePacket(string filter, int qos, ushort packetId)
    {
        var packet = new Writer(0x82, 2 + 1 + StringSize(filter) + 1);
        packet.UInt16(packetId);
        packet.VarInt(0);
        packet.String(filter);
        packet.Byte((byte)qos);
        return packet.Done();
    }

    public static int VarIntSize(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : 4;

    private static int StringSize(string s) => 2 + Encoding.UTF8.GetByteCount(s);

    private static int ContentTypeSize(string? contentType) => contentType is null ? 0 : 1 + StringSize(contentType);

    /// <summary>Writes one packet into an array of exactly its size (the body size is computed first, so nothing is copied twice).</summary>
    private ref struct Writer
    {
        private readonly byte[] _packet;
        private int _at;

        public Writer(byte firstByte, int bodySize)
        {
            if (bodySize > MaxPacketSize)
            {
                throw new ArgumentException($"A packet of {bodySize} bytes is over the harness's limit of {MaxPacketSize}.", nameof(bodySize));
            }

            _packet = new byte[1 + VarIntSize(bodySize) + bodySize];
            Byte(firstByte);
            VarInt(bodySize);
        }

        public void Byte(byte value) => _packet[_at++] = value;

        public void UInt16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(_at), value);
            _at += 2;
        }

        public void VarInt(int value)
        {
            do
            {
                var digit = (byte)(value & 0x7F);
                value >>= 7;
                Byte(value > 0 ? (byte)(digit | 0x80) : digit);
            }
            while (value > 0);
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetBytes(value, _packet.AsSpan(_at + 2));
            UInt16(checked((ushort)length));
            _at += length;
        }

        public void ContentType(string? contentType)
        {
            if (contentType is not null)
            {
                Byte(ContentTypeProperty);
                String(contentType);
            }
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(_packet.AsSpan(_at));
            _at += value.Length;
        }

        public readonly byte[] Done() =>
            _at == _packet.Length ? _packet : throw new InvalidOperationException($"Packet sized {_packet.Length} bytes but {_at} written.");
    }
}
