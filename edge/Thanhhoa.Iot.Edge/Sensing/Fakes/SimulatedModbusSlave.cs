using System.Buffers.Binary;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>The register tables of one simulated slave, and how it answers a request PDU.</summary>
public sealed class SimulatedModbusSlave
{
    public const int TableSize = 0x100;

    private readonly ushort[] _input = new ushort[TableSize];
    private readonly ushort[] _holding = new ushort[TableSize];
    private readonly Lock _lock = new();

    public void SetInput(ushort address, ReadOnlySpan<ushort> values)
    {
        lock (_lock)
        {
            values.CopyTo(_input.AsSpan(address));
        }
    }

    public ushort Holding(ushort address)
    {
        lock (_lock)
        {
            return _holding[address];
        }
    }

    /// <summary>Sets an Eastron SDM-style meter's readings (float32, high word first).</summary>
    public void SetMeter(double volts, double amps, double watts, double hertz, double importKwh)
    {
        var map = RegisterMap.EastronSdm;
        (string Name, double Value)[] values = [("voltage", volts), ("current", amps), ("activePower", watts), ("frequency", hertz), ("importActiveEnergy", importKwh)];
        foreach (var (name, value) in values)
        {
            SetEntry(map, map.Entries[name], value);
        }
    }

    /// <summary>Puts <paramref name="value"/> (in the entry's unit, after its scale) into the registers of <paramref name="entry"/>, as the device would.</summary>
    public void SetEntry(RegisterMap map, RegisterMapEntry entry, double value)
    {
        var registers = RegisterEncoder.Encode(value / entry.Scale, entry.Type, map.ByteOrder, map.WordOrder);
        lock (_lock)
        {
            registers.CopyTo((entry.Table == RegisterTable.Input ? _input : _holding).AsSpan(entry.Address));
        }
    }

    /// <summary>Answers a request PDU with a response PDU (function code first), or an exception PDU.</summary>
    public byte[] Answer(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length < 5)
        {
            return Exception(pdu.IsEmpty ? (byte)0 : pdu[0], ModbusExceptionCode.IllegalDataValue);
        }

        var function = pdu[0];
        var address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var countOrValue = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        lock (_lock)
        {
            return (ModbusFunction)function switch
            {
                ModbusFunction.ReadHoldingRegisters => ReadTable(_holding, function, address, countOrValue),
                ModbusFunction.ReadInputRegisters => ReadTable(_input, function, address, countOrValue),
                ModbusFunction.WriteSingleRegister => WriteSingle(pdu, address, countOrValue),
                ModbusFunction.WriteMultipleRegisters => WriteMultiple(pdu, address, countOrValue),
                _ => Exception(function, ModbusExceptionCode.IllegalFunction),
            };
        }
    }

    private static byte[] ReadTable(ushort[] table, byte function, ushort address, ushort count)
    {
        if (count is 0 or > 125)
        {
            return Exception(function, ModbusExceptionCode.IllegalDataValue);
        }

        if (address + count > table.Length)
        {
            return Exception(function, ModbusExceptionCode.IllegalDataAddress);
        }

        var answer = new byte[2 + (count * 2)];
        answer[0] = function;
        answer[1] = (byte)(count * 2);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(2 + (i * 2)), table[address + i]);
        }

        return answer;
    }

    private byte[] WriteSingle(ReadOnlySpan<byte> pdu, ushort address, ushort value)
    {
        if (address >= _holding.Length)
        {
            return Exception(pdu[0], ModbusExceptionCode.IllegalDataAddress);
        }

        _holding[address] = value;
        return pdu[..5].ToArray();
    }

    private byte[] WriteMultiple(ReadOnlySpan<byte> pdu, ushort address, ushort count)
    {
        if (count is 0 or > 123 || pdu.Length < 6 + (count * 2) || pdu[5] != count * 2)
        {
            return Exception(pdu[0], ModbusExceptionCode.IllegalDataValue);
        }

        if (address + count > _holding.Length)
        {
            return Exception(pdu[0], ModbusExceptionCode.IllegalDataAddress);
        }

        for (var i = 0; i < count; i++)
        {
            _holding[address + i] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(6 + (i * 2))..]);
        }

        return pdu[..5].ToArray();
    }

    private static byte[] Exception(byte function, ModbusExceptionCode code) => [(byte)(function | 0x80), (byte)code];
}
