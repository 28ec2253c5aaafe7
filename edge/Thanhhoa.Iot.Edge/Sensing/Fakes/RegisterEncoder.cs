using System.Buffers.Binary;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>The inverse of <see cref="RegisterDecoder"/> for every data type: a number as a device puts it in its registers (integers rounded and clamped).</summary>
internal static class RegisterEncoder
{
    public static ushort[] Encode(double value, RegisterDataType type, ByteOrder byteOrder, WordOrder wordOrder)
    {
        if (type == RegisterDataType.Float32)
        {
            return RegisterDecoder.EncodeFloat32((float)value, byteOrder, wordOrder);
        }

        Span<byte> bytes = stackalloc byte[4];
        var rounded = Math.Round(value);
        switch (type)
        {
            case RegisterDataType.UInt16:
                BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)Math.Clamp(rounded, ushort.MinValue, ushort.MaxValue));
                return [Order(BinaryPrimitives.ReadUInt16BigEndian(bytes), byteOrder)];
            case RegisterDataType.Int16:
                BinaryPrimitives.WriteInt16BigEndian(bytes, (short)Math.Clamp(rounded, short.MinValue, short.MaxValue));
                return [Order(BinaryPrimitives.ReadUInt16BigEndian(bytes), byteOrder)];
            case RegisterDataType.UInt32:
                BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Math.Clamp(rounded, uint.MinValue, uint.MaxValue));
                break;
            case RegisterDataType.Int32:
                BinaryPrimitives.WriteInt32BigEndian(bytes, (int)Math.Clamp(rounded, int.MinValue, int.MaxValue));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown register data type.");
        }

        var high = Order(BinaryPrimitives.ReadUInt16BigEndian(bytes), byteOrder);
        var low = Order(BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]), byteOrder);
        return wordOrder == WordOrder.HighFirst ? [high, low] : [low, high];
    }

    private static ushort Order(ushort word, ByteOrder byteOrder) => byteOrder == ByteOrder.LittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word;
}
