using System.Buffers.Binary;
using System.Device.I2c;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// An INA219 as the I2C bus sees it (TI SBOS448): six 16-bit big-endian registers; the current and
/// power registers are computed by the chip from the shunt voltage, bus voltage and calibration
/// registers (equations 4 and 5), so the binding's calibration path is exercised for real.
/// </summary>
public sealed class FakeIna219Device : FakeI2cDevice
{
    public const byte Configuration = 0x00;
    public const byte ShuntVoltage = 0x01;
    public const byte BusVoltage = 0x02;
    public const byte Power = 0x03;
    public const byte Current = 0x04;
    public const byte Calibration = 0x05;

    /// <summary>Configuration register value after power-on or reset.</summary>
    public const ushort ResetConfiguration = 0x399F;

    private readonly ushort[] _words = new ushort[6];

    public FakeIna219Device(I2cConnectionSettings settings)
        : base(settings)
    {
        _words[Configuration] = ResetConfiguration;
    }

    /// <summary>Sets the measured values in datasheet units: bus volts (LSB 4 mV) and shunt volts (LSB 10 µV).</summary>
    /// <remarks>Outside the chip's ranges (0–32.76 V bus, ±327.68 mV shunt) the values clip, as the ADC would.</remarks>
    public void SetMeasurement(double busVolts, double shuntVolts)
    {
        var shunt = (short)Math.Clamp(Math.Round(shuntVolts / 10e-6), short.MinValue, short.MaxValue);
        var bus = (ushort)Math.Clamp(Math.Round(busVolts / 4e-3), 0, 0x1FFF);
        Update(() =>
        {
            SetShuntVoltageRegister(shunt);
            SetBusVoltageRegister((ushort)((bus << 3) | 0x0002)); // CNVR: conversion ready
        });
    }

    /// <summary>Simulates a DC bus: the shunt sees <paramref name="amps"/> × <paramref name="shuntOhms"/>.</summary>
    public void SetDcBus(double busVolts, double amps, double shuntOhms) => SetMeasurement(busVolts, amps * shuntOhms);

    public void SetShuntVoltageRegister(short value) => _words[ShuntVoltage] = (ushort)value;

    public void SetBusVoltageRegister(ushort value) => _words[BusVoltage] = value;

    /// <summary>A register as the chip would return it.</summary>
    public ushort Register(byte register) => register switch
    {
        Current => (ushort)ComputeCurrent(),
        Power => ComputePower(),
        _ => _words[register],
    };

    protected override void ReadLocked(Span<byte> buffer)
    {
        Span<byte> word = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(word, RegisterPointer < _words.Length ? Register(RegisterPointer) : (ushort)0);
        word[..Math.Min(2, buffer.Length)].CopyTo(buffer);
    }

    protected override void OnRegisterWritten(byte register, ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || register > Calibration || register is ShuntVoltage or BusVoltage or Power or Current)
        {
            return; // read-only registers ignore writes
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (register == Configuration && (value & 0x8000) != 0)
        {
            _words[Configuration] = ResetConfiguration;
            _words[Calibration] = 0;
            return;
        }

        _words[register] = register == Calibration ? (ushort)(value & 0xFFFE) : value;
    }

    private short ComputeCurrent() => (short)((short)_words[ShuntVoltage] * _words[Calibration] / 4096);

    /// <summary>Unsigned: the power of a reverse current is its magnitude.</summary>
    private ushort ComputePower() => (ushort)Math.Min(ushort.MaxValue, Math.Abs((int)ComputeCurrent()) * (_words[BusVoltage] >> 3) / 5000);
}
