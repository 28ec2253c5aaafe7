namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// Cabinet temperature and humidity and battery temperature under Thanh Hoa's daily cycle: the
/// cabinet is air-conditioned on mains or generator; on battery the cooling is shed, the cabinet
/// warms toward the outside air plus the equipment's heat and the humidity rises. The battery warms
/// while it works (more on discharge than on recharge). All first-order, so nothing jumps.
/// </summary>
internal sealed class SimulatedClimate
{
    private static readonly TimeSpan CabinetTimeConstant = TimeSpan.FromMinutes(40);
    private static readonly TimeSpan BatteryTimeConstant = TimeSpan.FromMinutes(60);

    public SimulatedClimate(DateTimeOffset at)
    {
        CabinetCelsius = CabinetTarget(at, cooled: true);
        HumidityPercent = HumidityTarget(CabinetCelsius, cooled: true);
        BatteryCelsius = CabinetCelsius + 0.5;
    }

    public double CabinetCelsius { get; private set; }

    public double HumidityPercent { get; private set; }

    public double BatteryCelsius { get; private set; }

    /// <summary>Outside air: 23 °C before dawn to 33 °C mid-afternoon (Indochina time, no DST).</summary>
    public static double AmbientCelsius(DateTimeOffset at) => 28 + (5 * Math.Sin(2 * Math.PI * (LocalHour(at) - 9) / 24));

    /// <summary>Station pressure with the twice-daily atmospheric tide.</summary>
    public static double PressurePascals(DateTimeOffset at) => 100_650 + (120 * Math.Sin(2 * Math.PI * LocalHour(at) / 12));

    /// <param name="dt">Step.</param>
    /// <param name="at">Start of the step.</param>
    /// <param name="cooled">Air conditioning runs (mains or generator).</param>
    /// <param name="batteryWarming">Kelvin above the cabinet the battery tends to while it works.</param>
    public void Integrate(TimeSpan dt, DateTimeOffset at, bool cooled, double batteryWarming)
    {
        CabinetCelsius += (CabinetTarget(at, cooled) - CabinetCelsius) * Fraction(dt, CabinetTimeConstant);
        HumidityPercent += (HumidityTarget(CabinetCelsius, cooled) - HumidityPercent) * Fraction(dt, CabinetTimeConstant);
        BatteryCelsius += (CabinetCelsius + batteryWarming - BatteryCelsius) * Fraction(dt, BatteryTimeConstant);
    }

    private static double CabinetTarget(DateTimeOffset at, bool cooled)
    {
        var ambient = AmbientCelsius(at);
        return cooled ? 24 + (0.2 * (ambient - 24)) : ambient + 8;
    }

    private static double HumidityTarget(double cabinetCelsius, bool cooled) =>
        cooled ? 55 : Math.Clamp(90 - (1.5 * (cabinetCelsius - 25)), 40, 95);

    private static double LocalHour(DateTimeOffset at) => (at.UtcDateTime.TimeOfDay.TotalHours + 7) % 24;

    private static double Fraction(TimeSpan dt, TimeSpan tau) => 1 - Math.Exp(-dt.TotalSeconds / tau.TotalSeconds);
}
