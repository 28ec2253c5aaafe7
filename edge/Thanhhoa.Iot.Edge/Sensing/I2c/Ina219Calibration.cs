namespace Thanhhoa.Iot.Edge.Sensing.I2c;

/// <summary>INA219 calibration register per TI SBOS448, equation 1: Cal = trunc(0.04096 / (Current_LSB × R_SHUNT)).</summary>
public static class Ina219Calibration
{
    public static ushort Compute(double shuntOhms, double currentLsbAmps)
    {
        var cal = Math.Truncate(0.04096 / (currentLsbAmps * shuntOhms));
        if (!(cal >= 1 && cal <= 0xFFFE))
        {
            throw new ArgumentOutOfRangeException(
                nameof(currentLsbAmps),
                $"INA219 calibration {cal} for shunt {shuntOhms} ohm and current LSB {currentLsbAmps} A is outside 1..65534; choose a current LSB between max current / 32768 and max current / 4096.");
        }

        return (ushort)cal;
    }

    /// <summary>Calibration register value as written (bit 0 is not used by the chip).</summary>
    public static bool IsValid(double shuntOhms, double currentLsbAmps)
    {
        if (!(shuntOhms > 0) || !(currentLsbAmps > 0))
        {
            return false;
        }

        var cal = Math.Truncate(0.04096 / (currentLsbAmps * shuntOhms));
        return cal >= 1 && cal <= 0xFFFE;
    }
}
