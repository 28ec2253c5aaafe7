namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>CRC-16/MODBUS: polynomial 0xA001 (reflected 0x8005), initial 0xFFFF, sent low byte first.</summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>Appends the CRC (low byte first) to <paramref name="frameWithoutCrc"/>.</summary>
    public static byte[] Append(ReadOnlySpan<byte> frameWithoutCrc)
    {
        var frame = new byte[frameWithoutCrc.Length + 2];
        frameWithoutCrc.CopyTo(frame);
        var crc = Compute(frameWithoutCrc);
        frame[^2] = (byte)(crc & 0xFF);
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }

    /// <summary>True when the last two bytes are the CRC of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame) =>
        frame.Length >= 4 && Compute(frame[..^2]) == (ushort)(frame[^2] | (frame[^1] << 8));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
