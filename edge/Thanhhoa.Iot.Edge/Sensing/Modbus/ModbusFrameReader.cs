namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>
/// Reads one RTU answer off the transport. The length comes from the function code and byte
/// count (more robust than timing gaps through USB adapters and ptys); the CRC and slave id decide
/// whether to trust it.
/// </summary>
internal static class ModbusFrameReader
{
    /// <summary>Returns the whole frame (slave .. CRC) of a valid answer for <paramref name="slave"/>.</summary>
    public static async Task<byte[]> ReadAnswerAsync(IModbusTransport transport, byte slave, ModbusRequest request, CancellationToken cancellationToken)
    {
        var header = new byte[3];
        await ReadExactlyAsync(transport, header.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
        var function = (byte)request.Function;
        int rest;
        if (header[1] == (function | 0x80))
        {
            rest = 3; // exception code + CRC
        }
        else if (header[1] != function)
        {
            throw new ModbusFrameException($"answer carries function 0x{header[1]:X2}, expected 0x{function:X2}");
        }
        else if (request.IsRead)
        {
            await ReadExactlyAsync(transport, header.AsMemory(2, 1), cancellationToken).ConfigureAwait(false);
            if (header[2] != request.ExpectedByteCount)
            {
                throw new ModbusFrameException($"answer announces {header[2]} data bytes, expected {request.ExpectedByteCount}");
            }

            rest = header[2] + 2;
        }
        else
        {
            rest = 6; // address, value or count, CRC
        }

        var headerLength = header[1] == function && request.IsRead ? 3 : 2;
        var frame = new byte[headerLength + rest];
        header.AsSpan(0, headerLength).CopyTo(frame);
        await ReadExactlyAsync(transport, frame.AsMemory(headerLength), cancellationToken).ConfigureAwait(false);
        if (!ModbusCrc.IsValid(frame))
        {
            throw new ModbusFrameException("CRC error in answer");
        }

        if (frame[0] != slave)
        {
            throw new ModbusFrameException($"answer came from slave {frame[0]}, expected {slave}");
        }

        return frame;
    }

    private static async Task ReadExactlyAsync(IModbusTransport transport, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            filled += await transport.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
        }
    }
}
