namespace Thanhhoa.Iot.Edge.Sensing.Fakes;

/// <summary>
/// The BME280 compensation formulas in double precision (Bosch BST-BME280-DS002, section 8.1), used
/// by the fake chip to turn wanted physical values back into raw ADC values.
/// </summary>
internal static class Bme280Compensation
{
    public static (double Celsius, double TFine) Temperature(Bme280Trimming t, int adcT)
    {
        var var1 = ((adcT / 16384.0) - (t.T1 / 1024.0)) * t.T2;
        var var2 = ((adcT / 131072.0) - (t.T1 / 8192.0)) * ((adcT / 131072.0) - (t.T1 / 8192.0)) * t.T3;
        var tFine = var1 + var2;
        return (tFine / 5120.0, tFine);
    }

    public static double Pressure(Bme280Trimming t, double tFine, int adcP)
    {
        var var1 = (tFine / 2.0) - 64000.0;
        var var2 = var1 * var1 * t.P6 / 32768.0;
        var2 += var1 * t.P5 * 2.0;
        var2 = (var2 / 4.0) + (t.P4 * 65536.0);
        var1 = ((t.P3 * var1 * var1 / 524288.0) + (t.P2 * var1)) / 524288.0;
        var1 = (1.0 + (var1 / 32768.0)) * t.P1;
        if (var1 == 0)
        {
            return 0;
        }

        var p = 1048576.0 - adcP;
        p = (p - (var2 / 4096.0)) * 6250.0 / var1;
        var1 = t.P9 * p * p / 2147483648.0;
        var2 = p * t.P8 / 32768.0;
        return p + ((var1 + var2 + t.P7) / 16.0);
    }

    public static double Humidity(Bme280Trimming t, double tFine, int adcH)
    {
        var h = tFine - 76800.0;
        h = (adcH - ((t.H4 * 64.0) + (t.H5 / 16384.0 * h))) *
            (t.H2 / 65536.0 * (1.0 + (t.H6 / 67108864.0 * h * (1.0 + (t.H3 / 67108864.0 * h)))));
        h *= 1.0 - (t.H1 * h / 524288.0);
        return Math.Clamp(h, 0, 100);
    }

    /// <summary>Smallest raw value in [low, high] whose compensated value reaches <paramref name="target"/> (monotonic functions).</summary>
    public static int Invert(Func<int, double> forward, double target, int low, int high)
    {
        var increasing = forward(high) >= forward(low);
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            var reached = increasing ? forward(mid) >= target : forward(mid) <= target;
            if (reached)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
