using System.Buffers.Binary;

namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>One request PDU and what a valid answer to it looks like.</summary>
internal sealed record ModbusRequest(ModbusFunction Function, ushort Address, byte[] Pdu, int ExpectedByteCount)
{
    /// <summary>Largest register count one read may ask for (spec: 125).</summary>
    public const int MaxReadCount = 125;

    /// <summary>Largest register count one write may carry (spec: 123).</summary>
    public const int MaxWriteCount = 123;

    public static ModbusRequest Read(ModbusFunction function, ushort address, ushort count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)MaxReadCount);
        var pdu = new byte[5];
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), count);
        return new ModbusRequest(function, address, pdu, count * 2);
    }

    public static ModbusRequest WriteSingle(ushort address, ushort value)
    {
        var pdu = new byte[5];
        pdu[0] = (byte)ModbusFunction.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), value);
        return new ModbusRequest(ModbusFunction.WriteSingleRegister, address, pdu, 0);
    }

    public static ModbusRequest WriteMultiple(ushort address, IReadOnlyList<ushort> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Count, MaxWriteCount);
        var pdu = new byte[6 + (values.Count * 2)];
        pdu[0] = (byte)ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)values.Count);
        pdu[5] = (byte)(values.Count * 2);
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(6 + (i * 2)), values[i]);
        }

        return new ModbusRequest(ModbusFunction.WriteMultipleRegisters, address, pdu, 0);
    }

    public bool IsRead => Function is ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters;
}
