using System.Buffers.Binary;

namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>Turns registers as read off the wire into a number, honouring the map's byte and word order.</summary>
public static class RegisterDecoder
{
    public static double Decode(ReadOnlySpan<ushort> registers, RegisterDataType type, ByteOrder byteOrder, WordOrder wordOrder)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = type is RegisterDataType.UInt16 or RegisterDataType.Int16 ? 1 : 2;
        if (registers.Length < count)
        {
            throw new ArgumentException($"{type} needs {count} registers, got {registers.Length}.", nameof(registers));
        }

        for (var i = 0; i < count; i++)
        {
            var word = registers[wordOrder == WordOrder.HighFirst || count == 1 ? i : count - 1 - i];
            if (byteOrder == ByteOrder.LittleEndian)
            {
                word = BinaryPrimitives.ReverseEndianness(word);
            }

            BinaryPrimitives.WriteUInt16BigEndian(bytes[(i * 2)..], word);
        }

        return type switch
        {
            RegisterDataType.UInt16 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            RegisterDataType.Int16 => BinaryPrimitives.ReadInt16BigEndian(bytes),
            RegisterDataType.UInt32 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            RegisterDataType.Int32 => BinaryPrimitives.ReadInt32BigEndian(bytes),
            RegisterDataType.Float32 => BinaryPrimitives.ReadSingleBigEndian(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown register data type."),
        };
    }

    /// <summary>The inverse, for the simulated meter and for writes: registers as they go on the wire.</summary>
    public static ushort[] EncodeFloat32(float value, ByteOrder byteOrder, WordOrder wordOrder)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleBigEndian(bytes, value);
        var high = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        if (byteOrder == ByteOrder.LittleEndian)
        {
            high = BinaryPrimitives.ReverseEndianness(high);
            low = BinaryPrimitives.ReverseEndianness(low);
        }

        return wordOrder == WordOrder.HighFirst ? [high, low] : [low, high];
    }
}
