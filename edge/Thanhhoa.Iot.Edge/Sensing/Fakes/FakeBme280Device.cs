using System.Buffers.Binary;
using System.Device.I2c;

namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// A BME280 register map: chip id 0x60, trimming parameters at 0x88..0xA1 and 0xE1..0xE7, raw
/// ADC values at 0xF7..0xFE. Tests set raw values; the simulated site sets physical conditions.
/// </summary>
public sealed class FakeBme280Device : FakeI2cDevice
{
    public const byte ChipId = 0x60;

    private Bme280Trimming _trimming = Bme280Trimming.DatasheetExample;

    public FakeBme280Device(I2cConnectionSettings settings)
        : this(settings, Bme280Trimming.DatasheetExample)
    {
    }

    public FakeBme280Device(I2cConnectionSettings settings, Bme280Trimming trimming)
        : base(settings)
    {
        this[0xD0] = ChipId;
        LoadTrimming(trimming);
    }

    public void LoadTrimming(Bme280Trimming t)
    {
        _trimming = t;
        ushort[] tp = [t.T1, (ushort)t.T2, (ushort)t.T3, t.P1, (ushort)t.P2, (ushort)t.P3, (ushort)t.P4, (ushort)t.P5, (ushort)t.P6, (ushort)t.P7, (ushort)t.P8, (ushort)t.P9];
        for (var i = 0; i < tp.Length; i++)
        {
            WriteLittleEndian(0x88 + (i * 2), tp[i]);
        }

        this[0xA1] = t.H1;
        WriteLittleEndian(0xE1, (ushort)t.H2);
        this[0xE3] = t.H3;
        this[0xE4] = (byte)((t.H4 >> 4) & 0xFF);
        this[0xE5] = (byte)((t.H4 & 0x0F) | ((t.H5 & 0x0F) << 4));
        this[0xE6] = (byte)((t.H5 >> 4) & 0xFF);
        this[0xE7] = (byte)t.H6;
    }

    /// <summary>Raw 20-bit temperature and pressure and 16-bit humidity, as the ADC would leave them.</summary>
    public void SetRawAdc(int adcT, int adcP, int adcH) => Update(() =>
    {
        Write20Bit(0xFA, adcT);
        Write20Bit(0xF7, adcP);
        this[0xFD] = (byte)(adcH >> 8);
        this[0xFE] = (byte)(adcH & 0xFF);
    });

    /// <summary>Sets raw values that compensate to the given conditions (for the simulated site).</summary>
    public void SetConditions(double celsius, double relativeHumidityPercent, double pascals)
    {
        var t = _trimming;
        var adcT = Bme280Compensation.Invert(a => Bme280Compensation.Temperature(t, a).Celsius, celsius, 0, (1 << 20) - 1);
        var tFine = Bme280Compensation.Temperature(t, adcT).TFine;
        var adcP = Bme280Compensation.Invert(a => Bme280Compensation.Pressure(t, tFine, a), pascals, 0, (1 << 20) - 1);
        var adcH = Bme280Compensation.Invert(a => Bme280Compensation.Humidity(t, tFine, a), relativeHumidityPercent, 0, 0xFFFF);
        SetRawAdc(adcT, adcP, adcH);
    }

    private void WriteLittleEndian(int register, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        this[register] = bytes[0];
        this[register + 1] = bytes[1];
    }

    private void Write20Bit(int register, int value)
    {
        this[register] = (byte)((value >> 12) & 0xFF);
        this[register + 1] = (byte)((value >> 4) & 0xFF);
        this[register + 2] = (byte)((value & 0x0F) << 4);
    }
}
