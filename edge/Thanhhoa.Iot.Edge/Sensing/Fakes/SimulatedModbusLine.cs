using System.Threading.Channels;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// An RS-485 line with simulated slaves (e.g. an Eastron meter), as an in-memory
/// <see cref="IModbusTransport"/>: requests are answered with real RTU frames. Faults can be
/// injected: a silent line (meter unplugged), corrupted answers, answers from a foreign slave id.
/// </summary>
public sealed class SimulatedModbusLine : IModbusTransport
{
    private readonly Dictionary<byte, SimulatedModbusSlave> _slaves = [];
    private readonly Channel<byte[]> _answers = Channel.CreateUnbounded<byte[]>();
    private readonly Lock _lock = new();
    private byte[] _partial = [];
    private int _partialOffset;
    private int _corruptNext;
    private byte? _foreignSlaveNext;

    public SimulatedModbusLine(string name, int baudRate = 9600)
    {
        Name = name;
        BaudRate = baudRate;
    }

    public string Name { get; }

    public int BaudRate { get; }

    /// <summary>Requests seen, valid or not (for tests of retries).</summary>
    public int RequestCount { get; private set; }

    /// <summary>When set, nobody answers (the meter is unplugged or unpowered).</summary>
    public bool Silent { get; set; }

    public SimulatedModbusSlave Slave(byte id)
    {
        lock (_lock)
        {
            if (!_slaves.TryGetValue(id, out var slave))
            {
                _slaves[id] = slave = new SimulatedModbusSlave();
            }

            return slave;
        }
    }

    /// <summary>The next <paramref name="count"/> answers arrive with a broken CRC.</summary>
    public void CorruptNextAnswers(int count) => _corruptNext = count;

    /// <summary>The next answer carries another slave's id (two devices set to one address, or crosstalk).</summary>
    public void AnswerNextAsSlave(byte slave) => _foreignSlaveNext = slave;

    public ValueTask WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        RequestCount++;
        var request = frame.Span;
        if (Silent || !ModbusCrc.IsValid(request) || !TryGetSlave(request[0], out var slave))
        {
            return ValueTask.CompletedTask;
        }

        var id = _foreignSlaveNext ?? request[0];
        _foreignSlaveNext = null;
        var answer = ModbusCrc.Append([id, .. slave.Answer(request[1..^2])]);
        if (_corruptNext > 0)
        {
            _corruptNext--;
            answer[^1] ^= 0xFF;
        }

        _answers.Writer.TryWrite(answer);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_partialOffset >= _partial.Length)
        {
            _partial = await _answers.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            _partialOffset = 0;
        }

        var count = Math.Min(buffer.Length, _partial.Length - _partialOffset);
        _partial.AsMemory(_partialOffset, count).CopyTo(buffer);
        _partialOffset += count;
        return count;
    }

    public void DiscardInput()
    {
        _partialOffset = _partial.Length;
        while (_answers.Reader.TryRead(out _))
        {
        }
    }

    public void Dispose()
    {
    }

    private bool TryGetSlave(byte id, out SimulatedModbusSlave slave)
    {
        lock (_lock)
        {
            return _slaves.TryGetValue(id, out slave!);
        }
    }
}
