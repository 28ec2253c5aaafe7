using System.Device.I2c;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// A register-file I2C device: the first byte of a write selects the register pointer, the rest
/// are written from there (auto-increment); reads return bytes from the pointer on. Chip fakes
/// override <see cref="OnRegisterWritten"/> and <see cref="ReadRegisterByte"/> for their behaviour.
/// </summary>
public class FakeI2cDevice : I2cDevice
{
    private readonly byte[] _registers = new byte[256];

    public FakeI2cDevice(I2cConnectionSettings settings)
    {
        ConnectionSettings = settings;
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>When set, every transfer throws, like a chip that lost power or a loose connector.</summary>
    public bool Unplugged { get; set; }

    protected byte RegisterPointer { get; private set; }

    public byte this[int register]
    {
        get => _registers[register & 0xFF];
        set => _registers[register & 0xFF] = value;
    }

    public override byte ReadByte()
    {
        CheckPresent();
        return ReadRegisterByte(RegisterPointer);
    }

    public override void Read(Span<byte> buffer)
    {
        CheckPresent();
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = ReadRegisterByte((byte)(RegisterPointer + i));
        }
    }

    public override void WriteByte(byte value)
    {
        CheckPresent();
        RegisterPointer = value;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        CheckPresent();
        if (buffer.IsEmpty)
        {
            return;
        }

        RegisterPointer = buffer[0];
        if (buffer.Length > 1)
        {
            OnRegisterWritten(buffer[0], buffer[1..]);
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    protected virtual byte ReadRegisterByte(byte register) => _registers[register];

    protected virtual void OnRegisterWritten(byte register, ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            _registers[(register + i) & 0xFF] = data[i];
        }
    }

    private void CheckPresent()
    {
        if (Unplugged)
        {
            throw new IOException($"I2C device 0x{ConnectionSettings.DeviceAddress:X2} on bus {ConnectionSettings.BusId} did not acknowledge (remote I/O error).");
        }
    }
}
