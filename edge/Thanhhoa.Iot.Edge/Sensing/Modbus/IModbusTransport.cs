namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>
/// The byte stream under the RTU master: a serial port on a gateway, an in-memory slave in tests
/// and in the simulated site. Framing, CRC, timeouts and retries live in the master, not here.
/// </summary>
public interface IModbusTransport : IDisposable
{
    /// <summary>For messages, e.g. <c>/dev/ttyUSB0</c>.</summary>
    string Name { get; }

    /// <summary>Line speed; the master derives the 3.5-character inter-frame silence from it.</summary>
    int BaudRate { get; }

    ValueTask WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Waits for at least one byte; returns how many were read. Throws <see cref="OperationCanceledException"/> on cancellation.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Drops bytes received but not yet read (a late answer to an earlier request, line noise).</summary>
    void DiscardInput();
}
