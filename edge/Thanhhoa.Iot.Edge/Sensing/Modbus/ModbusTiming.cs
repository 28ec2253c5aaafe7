namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>RTU timing from the Modbus over Serial Line spec (V1.02, 2.5.1.1).</summary>
public static class ModbusTiming
{
    /// <summary>One character on the line: start bit, 8 data bits, parity or second stop bit, stop bit.</summary>
    public const int BitsPerCharacter = 11;

    /// <summary>Above 19200 baud the spec fixes the inter-frame delay at 1.75 ms.</summary>
    public static TimeSpan InterFrameSilence(int baudRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        if (baudRate > 19_200)
        {
            return TimeSpan.FromMicroseconds(1_750);
        }

        return TimeSpan.FromMicroseconds(3.5 * BitsPerCharacter * 1_000_000.0 / baudRate);
    }
}
