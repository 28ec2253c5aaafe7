using Thanhhoa.Iot.Edge.Sensing.Fakes;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.I2c;

/// <summary>
/// The Bosch BME280 compensation formulas (BST-BME280-DS002) written out independently for the tests:
/// temperature and humidity in 32-bit fixed point (section 8.2), pressure in 64-bit (section 4.2.3).
/// </summary>
internal static class Bme280DatasheetFormulas
{
    /// <summary>Returns °C and t_fine.</summary>
    public static (double Celsius, int TFine) Temperature(Bme280Trimming t, int adcT)
    {
        var var1 = (((adcT >> 3) - (t.T1 << 1)) * t.T2) >> 11;
        var var2 = (((((adcT >> 4) - t.T1) * ((adcT >> 4) - t.T1)) >> 12) * t.T3) >> 14;
        var tFine = var1 + var2;
        var centi = ((tFine * 5) + 128) >> 8;
        return (centi / 100.0, tFine);
    }

    /// <summary>Returns Pa (the Q24.8 result divided by 256).</summary>
    public static double Pressure(Bme280Trimming t, int tFine, int adcP)
    {
        long var1 = tFine - 128000L;
        var var2 = var1 * var1 * t.P6;
        var2 += (var1 * t.P5) << 17;
        var2 += (long)t.P4 << 35;
        var1 = ((var1 * var1 * t.P3) >> 8) + ((var1 * t.P2) << 12);
        var1 = ((1L << 47) + var1) * t.P1 >> 33;
        if (var1 == 0)
        {
            return 0;
        }

        long p = 1048576 - adcP;
        p = ((p << 31) - var2) * 3125 / var1;
        var1 = (t.P9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (t.P8 * p) >> 19;
        p = ((p + var1 + var2) >> 8) + ((long)t.P7 << 4);
        return p / 256.0;
    }

    /// <summary>Returns %RH (the Q22.10 result divided by 1024).</summary>
    public static double Humidity(Bme280Trimming t, int tFine, int adcH)
    {
        var v = tFine - 76800;
        v = ((((adcH << 14) - (t.H4 << 20) - (t.H5 * v)) + 16384) >> 15)
            * (((((((v * t.H6) >> 10) * (((v * t.H3) >> 11) + 32768)) >> 10) + 2097152) * t.H2 + 8192) >> 14);
        v -= ((((v >> 15) * (v >> 15)) >> 7) * t.H1) >> 4;
        v = Math.Clamp(v, 0, 419430400);
        return (v >> 12) / 1024.0;
    }
}
