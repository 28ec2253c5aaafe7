using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>
/// Modbus RTU master (ours, no library) for one RS-485 line: functions 03, 04, 06 and 16, CRC-16,
/// 3.5-character inter-frame silence, a timeout per request, retries after timeouts and after
/// corrupt or foreign answers. Requests on one line are serialised. Exception answers are not
/// retried: they are the device's considered reply, raised as <see cref="ModbusException"/>.
/// This type does not dispose the transport it was given.
/// </summary>
public sealed partial class ModbusRtuMaster : IDisposable
{
    private readonly IModbusTransport _transport;
    private readonly ModbusMasterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _silence;
    private long _lastActivity;

    public ModbusRtuMaster(IModbusTransport transport, ModbusMasterOptions options, TimeProvider time, ILogger<ModbusRtuMaster>? logger = null)
    {
        _transport = transport;
        _options = options;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _silence = ModbusTiming.InterFrameSilence(transport.BaudRate);
        _lastActivity = time.GetTimestamp();
    }

    public string PortName => _transport.Name;

    public Task<ushort[]> ReadHoldingRegistersAsync(byte slave, ushort address, ushort count, CancellationToken cancellationToken) =>
        ReadAsync(slave, ModbusRequest.Read(ModbusFunction.ReadHoldingRegisters, address, count), cancellationToken);

    public Task<ushort[]> ReadInputRegistersAsync(byte slave, ushort address, ushort count, CancellationToken cancellationToken) =>
        ReadAsync(slave, ModbusRequest.Read(ModbusFunction.ReadInputRegisters, address, count), cancellationToken);

    public async Task WriteSingleRegisterAsync(byte slave, ushort address, ushort value, CancellationToken cancellationToken)
    {
        var frame = await TransactAsync(slave, ModbusRequest.WriteSingle(address, value), cancellationToken).ConfigureAwait(false);
        CheckEcho(frame, address, value);
    }

    public async Task WriteMultipleRegistersAsync(byte slave, ushort address, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
    {
        var frame = await TransactAsync(slave, ModbusRequest.WriteMultiple(address, values), cancellationToken).ConfigureAwait(false);
        CheckEcho(frame, address, (ushort)values.Count);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ushort[]> ReadAsync(byte slave, ModbusRequest request, CancellationToken cancellationToken)
    {
        var frame = await TransactAsync(slave, request, cancellationToken).ConfigureAwait(false);
        var registers = new ushort[request.ExpectedByteCount / 2];
        for (var i = 0; i < registers.Length; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(3 + (i * 2)));
        }

        return registers;
    }

    private async Task<byte[]> TransactAsync(byte slave, ModbusRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slave); // broadcast gets no answer; not used here
        var frame = ModbusCrc.Append([slave, .. request.Pdu]);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var lastProblem = "no answer";
            for (var attempt = 1; attempt <= _options.Retries + 1; attempt++)
            {
                var answer = await AttemptAsync(slave, request, frame, cancellationToken).ConfigureAwait(false);
                if (answer.Frame is not null)
                {
                    return ThrowIfException(slave, request, answer.Frame);
                }

                lastProblem = answer.Problem!;
                LogRetry(_logger, _transport.Name, slave, (byte)request.Function, request.Address, attempt, lastProblem);
            }

            throw new ModbusTimeoutException(
                $"Modbus slave {slave} on {_transport.Name} gave no valid answer to function {(byte)request.Function:X2} " +
                $"({ModbusNames.Of(request.Function)}) at address 0x{request.Address:X4} within {_options.Timeout.TotalMilliseconds:0} ms " +
                $"on {_options.Retries + 1} attempts (last: {lastProblem}); check the device's power, the A/B wiring, the baud rate and the slave id.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(byte[]? Frame, string? Problem)> AttemptAsync(byte slave, ModbusRequest request, byte[] frame, CancellationToken cancellationToken)
    {
        await KeepSilenceAsync(cancellationToken).ConfigureAwait(false);
        _transport.DiscardInput();
        await _transport.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var answer = await ModbusFrameReader.ReadAnswerAsync(_transport, slave, request, linked.Token).ConfigureAwait(false);
            return (answer, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {_options.Timeout.TotalMilliseconds:0} ms");
        }
        catch (ModbusFrameException bad)
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
            return (null, bad.Message);
        }
        finally
        {
            _lastActivity = _time.GetTimestamp();
        }
    }

    private async Task KeepSilenceAsync(CancellationToken cancellationToken)
    {
        var quiet = _time.GetElapsedTime(_lastActivity);
        if (quiet < _silence)
        {
            await Task.Delay(_silence - quiet, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads and drops bytes until the line has been quiet for the inter-frame silence (the rest of a corrupt frame).</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var window = _silence < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : _silence;
        var buffer = new byte[256];
        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < _options.Timeout)
        {
            using var quiet = new CancellationTokenSource(window, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token);
            try
            {
                await _transport.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static byte[] ThrowIfException(byte slave, ModbusRequest request, byte[] frame)
    {
        if ((frame[1] & 0x80) != 0)
        {
            throw new ModbusException(slave, request.Function, request.Address, (ModbusExceptionCode)frame[2]);
        }

        return frame;
    }

    private void CheckEcho(byte[] frame, ushort address, ushort valueOrCount)
    {
        var echoedAddress = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(2));
        var echoedValue = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(4));
        if (echoedAddress != address || echoedValue != valueOrCount)
        {
            throw new ModbusException(
                $"Modbus slave {frame[0]} on {_transport.Name} confirmed a write at 0x{echoedAddress:X4} ({echoedValue}) " +
                $"but 0x{address:X4} ({valueOrCount}) was sent; check that only one master drives this line.");
        }
    }

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Modbus {Port} slave {Slave} function {Function:X2} at 0x{Address:X4}: attempt {Attempt} failed ({Problem})")]
    private static partial void LogRetry(ILogger logger, string port, byte slave, byte function, ushort address, int attempt, string problem);
}
