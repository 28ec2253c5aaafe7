using System.Device.I2c;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// A register-file I2C device: the first byte of a write selects the register pointer, the rest
/// are written from there (auto-increment); reads return bytes from the pointer on. Chip fakes
/// override <see cref="OnRegisterWritten"/> and <see cref="ReadRegisterByte"/> for their behaviour.
/// Transfers and <see cref="Update"/> hold one lock, so a burst read never sees half of an update
/// (the simulated site changes the registers while the drivers read them).
/// </summary>
public class FakeI2cDevice : I2cDevice
{
    private readonly byte[] _registers = new byte[256];
    private readonly Lock _lock = new();

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

    /// <summary>Changes registers as one step: no transfer sees part of it.</summary>
    public void Update(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change();
        }
    }

    public override byte ReadByte()
    {
        lock (_lock)
        {
            CheckPresent();
            return ReadRegisterByte(RegisterPointer);
        }
    }

    public override void Read(Span<byte> buffer)
    {
        lock (_lock)
        {
            CheckPresent();
            ReadLocked(buffer);
        }
    }

    public override void WriteByte(byte value)
    {
        lock (_lock)
        {
            CheckPresent();
            RegisterPointer = value;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            WriteLocked(buffer);
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        lock (_lock)
        {
            WriteLocked(writeBuffer);
            CheckPresent();
            ReadLocked(readBuffer);
        }
    }

    /// <summary>A burst read from the register pointer on; called under the device's lock.</summary>
    protected virtual void ReadLocked(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = ReadRegisterByte((byte)(RegisterPointer + i));
        }
    }

    protected virtual byte ReadRegisterByte(byte register) => _registers[register];

    protected virtual void OnRegisterWritten(byte register, ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            _registers[(register + i) & 0xFF] = data[i];
        }
    }

    private void WriteLocked(ReadOnlySpan<byte> buffer)
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

    private void CheckPresent()
    {
        if (Unplugged)
        {
            throw new IOException($"I2C device 0x{ConnectionSettings.DeviceAddress:X2} on bus {ConnectionSettings.BusId} did not acknowledge (remote I/O error).");
        }
    }
}
