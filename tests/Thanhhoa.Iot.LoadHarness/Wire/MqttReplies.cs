using System.Buffers.Binary;
using System.Text;

namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>
/// Reads what an MQTT 5 broker sends a client (OASIS MQTT 5.0, sections 2 and 3): the framing (fixed header and
/// remaining length), CONNACK, PUBACK, SUBACK, PUBLISH and DISCONNECT, with every property the standard defines
/// skipped by its type and user properties kept. Anything malformed throws <see cref="MqttWireException"/>.
/// </summary>
internal static class MqttReplies
{
    private const byte UserPropertyId = 0x26;
    private const byte ServerKeepAliveId = 0x13;

    /// <summary>
    /// Finds the first whole packet in <paramref name="data"/>: false when more bytes are needed
    /// (<paramref name="size"/> is then the whole packet's size when already known, else 0).
    /// </summary>
    public static bool TryFrame(ReadOnlySpan<byte> data, out int headerSize, out int size)
    {
        headerSize = size = 0;
        var remaining = 0;
        for (var i = 1; i < 5; i++)
        {
            if (i >= data.Length)
            {
                return false;
            }

            remaining |= (data[i] & 0x7F) << (7 * (i - 1));
            if ((data[i] & 0x80) == 0)
            {
                headerSize = i + 1;
                size = headerSize + remaining;
                if (remaining > MqttPackets.MaxPacketSize)
                {
                    throw new MqttWireException($"The broker sent a packet of {remaining} bytes, over the harness's limit of {MqttPackets.MaxPacketSize}.");
                }

                return data.Length >= size;
            }
        }

        throw new MqttWireException("The broker sent a remaining length longer than four bytes.");
    }

    /// <summary>CONNACK: the reason code, the user properties and the Server Keep Alive when the broker set one.</summary>
    public static (BrokerReply Reply, int? ServerKeepAlive) ConnAck(ReadOnlySpan<byte> body)
    {
        Need(body, 2, "CONNACK");
        int? keepAlive = null;
        var user = Properties(body[2..], out _, (id, value) =>
        {
            if (id == ServerKeepAliveId)
            {
                keepAlive = BinaryPrimitives.ReadUInt16BigEndian(value);
            }
        });
        return (new BrokerReply(body[1], user), keepAlive);
    }

    /// <summary>PUBACK: the packet identifier and the reply (a body of two bytes means success, no properties).</summary>
    public static (ushort PacketId, BrokerReply Reply) PubAck(ReadOnlySpan<byte> body)
    {
        Need(body, 2, "PUBACK");
        var id = BinaryPrimitives.ReadUInt16BigEndian(body);
        var reason = body.Length > 2 ? body[2] : (byte)0;
        var user = body.Length > 3 ? Properties(body[3..], out _) : [];
        return (id, new BrokerReply(reason, user));
    }

    /// <summary>SUBACK of one filter: the packet identifier and the granted QoS or failure as the reason code.</summary>
    public static (ushort PacketId, BrokerReply Reply) SubAck(ReadOnlySpan<byte> body)
    {
        Need(body, 3, "SUBACK");
        var user = Properties(body[2..], out var used);
        Need(body, 2 + used + 1, "SUBACK");
        return (BinaryPrimitives.ReadUInt16BigEndian(body), new BrokerReply(body[2 + used], user));
    }

    /// <summary>PUBLISH: the message, its QoS and packet identifier (0 at QoS 0).</summary>
    public static (IncomingMessage Message, int Qos, ushort PacketId) Publish(byte firstByte, ReadOnlySpan<byte> body)
    {
        var qos = (firstByte >> 1) & 0x03;
        var topic = String(body, 0, out var at);
        ushort id = 0;
        if (qos > 0)
        {
            Need(body, at + 2, "PUBLISH");
            id = BinaryPrimitives.ReadUInt16BigEndian(body[at..]);
            at += 2;
        }

        Properties(body[at..], out var used);
        return (new IncomingMessage(topic, body[(at + used)..].ToArray()), qos, id);
    }

    /// <summary>DISCONNECT from the broker: its reason code (0 when the body is empty) and reason string, if any.</summary>
    public static string Disconnect(ReadOnlySpan<byte> body)
    {
        var reason = body.Length > 0 ? body[0] : (byte)0;
        string? text = null;
        if (body.Length > 1)
        {
            Properties(body[1..], out _, (id, value) => text = id == 0x1F ? Encoding.UTF8.GetString(value[2..]) : text);
        }

        return $"the broker disconnected it (reason 0x{reason:X2}{(text is null ? string.Empty : ": " + text)})";
    }

    /// <summary>
    /// Reads a property block (its length first); returns the user properties, sets <paramref name="used"/> to the
    /// block's size, and hands every other property's raw value to <paramref name="other"/>.
    /// </summary>
    private static List<KeyValuePair<string, string>> Properties(ReadOnlySpan<byte> data, out int used, PropertyValue? other = null)
    {
        var length = VarInt(data, 0, out var at);
        used = at + length;
        Need(data, used, "a property block");
        var user = new List<KeyValuePair<string, string>>();
        while (at < used)
        {
            var id = data[at++];
            var size = ValueSize(id, data[at..used]);
            var value = data.Slice(at, size);
            if (id == UserPropertyId)
            {
                var name = String(value, 0, out var next);
                user.Add(new(name, String(value, next, out _)));
            }
            else
            {
                other?.Invoke(id, value);
            }

            at += size;
        }

        return user;
    }

    private delegate void PropertyValue(byte id, ReadOnlySpan<byte> value);

    /// <summary>The size of a property's value, from the type the standard gives its identifier (section 2.2.2.2).</summary>
    private static int ValueSize(byte id, ReadOnlySpan<byte> data) => id switch
    {
        0x01 or 0x17 or 0x19 or 0x24 or 0x25 or 0x28 or 0x29 or 0x2A => 1,
        0x13 or 0x21 or 0x22 or 0x23 => 2,
        0x02 or 0x11 or 0x18 or 0x27 => 4,
        0x0B => VarIntLength(data),
        0x03 or 0x08 or 0x09 or 0x12 or 0x15 or 0x16 or 0x1A or 0x1C or 0x1F => 2 + Length16(data),
        UserPropertyId => PairSize(data),
        _ => throw new MqttWireException($"The broker sent an unknown property 0x{id:X2}."),
    };

    private static int PairSize(ReadOnlySpan<byte> data)
    {
        var name = 2 + Length16(data);
        return name + 2 + Length16(data[name..]);
    }

    private static int Length16(ReadOnlySpan<byte> data)
    {
        Need(data, 2, "a property");
        return BinaryPrimitives.ReadUInt16BigEndian(data);
    }

    private static int VarIntLength(ReadOnlySpan<byte> data)
    {
        VarInt(data, 0, out var at);
        return at;
    }

    private static int VarInt(ReadOnlySpan<byte> data, int from, out int next)
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            Need(data, from + i + 1, "a variable byte integer");
            value |= (data[from + i] & 0x7F) << (7 * i);
            if ((data[from + i] & 0x80) == 0)
            {
                next = from + i + 1;
                return value;
            }
        }

        throw new MqttWireException("The broker sent a variable byte integer longer than four bytes.");
    }

    private static string String(ReadOnlySpan<byte> data, int from, out int next)
    {
        Need(data, from + 2, "a string");
        var length = BinaryPrimitives.ReadUInt16BigEndian(data[from..]);
        Need(data, from + 2 + length, "a string");
        next = from + 2 + length;
        return Encoding.UTF8.GetString(data.Slice(from + 2, length));
    }

    private static void Need(ReadOnlySpan<byte> data, int size, string what)
    {
        if (data.Length < size)
        {
            throw new MqttWireException($"The broker sent {what} shorter than its own lengths say ({data.Length} of {size} bytes).");
        }
    }
}
