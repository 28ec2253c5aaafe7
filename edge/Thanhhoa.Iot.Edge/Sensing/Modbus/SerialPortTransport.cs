using System.IO.Ports;

namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>
/// <see cref="IModbusTransport"/> over <see cref="SerialPort"/>. Opens lazily and closes on an I/O
/// error, so an RS-485 adapter that was unplugged and plugged back in is picked up by the next request.
/// </summary>
public sealed class SerialPortTransport : IModbusTransport
{
    private readonly string _device;
    private readonly Parity _parity;
    private readonly StopBits _stopBits;
    private readonly Lock _lock = new();
    private SerialPort? _port;

    public SerialPortTransport(string device, int baudRate, Parity parity = Parity.None, StopBits stopBits = StopBits.One)
    {
        _device = device;
        BaudRate = baudRate;
        _parity = parity;
        _stopBits = stopBits;
    }

    public string Name => _device;

    public int BaudRate { get; }

    public static SerialPortTransport From(ModbusPortOptions options) => new(
        options.Device,
        options.BaudRate,
        options.Parity.ToUpperInvariant() switch { "EVEN" => Parity.Even, "ODD" => Parity.Odd, _ => Parity.None },
        options.StopBits == 2 ? StopBits.Two : StopBits.One);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var port = Open();
        try
        {
            await port.BaseStream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await port.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            Close();
            throw;
        }
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var port = Open();
        try
        {
            var read = await port.BaseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return read > 0 ? read : throw new IOException($"Serial port {_device} was closed.");
        }
        catch (IOException)
        {
            Close();
            throw;
        }
    }

    public void DiscardInput()
    {
        lock (_lock)
        {
            if (_port is { IsOpen: true })
            {
                _port.DiscardInBuffer();
            }
        }
    }

    public void Dispose() => Close();

    private SerialPort Open()
    {
        lock (_lock)
        {
            if (_port is { IsOpen: true })
            {
                return _port;
            }

            _port?.Dispose();
            var port = new SerialPort(_device, BaudRate, _parity, 8, _stopBits) { Handshake = Handshake.None };
            try
            {
                port.Open();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                port.Dispose();
                throw new IOException($"Cannot open serial port {_device} ({ex.Message}); check that the RS-485 adapter is plugged in and the gateway user may open it (group dialout).", ex);
            }

            _port = port;
            return port;
        }
    }

    private void Close()
    {
        lock (_lock)
        {
            _port?.Dispose();
            _port = null;
        }
    }
}
