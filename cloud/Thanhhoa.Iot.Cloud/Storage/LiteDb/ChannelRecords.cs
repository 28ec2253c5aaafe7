using System.Buffers.Binary;
using System.Text;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// A device's newest value per channel as one binary value: per channel the name (length byte + UTF-8),
/// then value, timestamp ticks, quality and sequence (little-endian).
/// </summary>
internal static class ChannelRecords
{
    private const int ValueSize = 8 + 8 + 1 + 8;

    public static byte[] Pack(IReadOnlyDictionary<string, ChannelValue> channels)
    {
        var size = 0;
        foreach (var name in channels.Keys)
        {
            size += 1 + Encoding.UTF8.GetByteCount(name) + ValueSize;
        }

        var bytes = new byte[size];
        var at = 0;
        foreach (var (name, value) in channels)
        {
            var length = Encoding.UTF8.GetBytes(name, bytes.AsSpan(at + 1));
            bytes[at] = checked((byte)length);
            var record = bytes.AsSpan(at + 1 + length, ValueSize);
            BinaryPrimitives.WriteDoubleLittleEndian(record, value.Value);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], value.Timestamp.UtcTicks);
            record[16] = checked((byte)value.Quality);
            BinaryPrimitives.WriteInt64LittleEndian(record[17..], value.Seq);
            at += 1 + length + ValueSize;
        }

        return bytes;
    }

    public static Dictionary<string, ChannelValue> Unpack(byte[] bytes)
    {
        var channels = new Dictionary<string, ChannelValue>(StringComparer.Ordinal);
        var at = 0;
        while (at < bytes.Length)
        {
            var length = bytes[at];
            var name = Encoding.UTF8.GetString(bytes, at + 1, length);
            var record = bytes.AsSpan(at + 1 + length, ValueSize);
            channels[name] = new ChannelValue(
                BinaryPrimitives.ReadDoubleLittleEndian(record),
                new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(record[8..]), TimeSpan.Zero),
                (Quality)record[16],
                BinaryPrimitives.ReadInt64LittleEndian(record[17..]));
            at += 1 + length + ValueSize;
        }

        return channels;
    }
}
