namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// A 48 V lead-acid/LFP string behind a rectifier: ~54 V float while charged from mains or generator;
/// on discharge the voltage drops to the resting curve and then sags with state of charge toward the
/// 44 V low-voltage disconnect, where the load is cut. Voltage moves first-order toward a target that
/// only falls during discharge, so it falls monotonically; that is what the IOC's time-to-drop trend reads.
/// </summary>
internal sealed class SimulatedBattery(double capacityAh)
{
    public const double FloatVolts = 54.0;
    public const double FullRestVolts = 50.5;
    public const double CutoffVolts = 44.0;

    private static readonly TimeSpan ChargeTimeConstant = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DischargeTimeConstant = TimeSpan.FromMinutes(3);

    public double StateOfCharge { get; private set; } = 1.0;

    public double Volts { get; private set; } = FloatVolts;

    /// <summary>True once the string reached cutoff and the load was disconnected (until charging resumes).</summary>
    public bool Disconnected { get; private set; }

    public void Charge(TimeSpan dt)
    {
        Disconnected = false;
        StateOfCharge = Math.Min(1.0, StateOfCharge + (0.1 * capacityAh * dt.TotalHours / capacityAh));
        Volts += (FloatVolts - Volts) * Fraction(dt, ChargeTimeConstant);
    }

    public void Discharge(TimeSpan dt, double amps)
    {
        if (Disconnected)
        {
            return;
        }

        StateOfCharge = Math.Max(0.0, StateOfCharge - (amps * dt.TotalHours / capacityAh));
        var target = CutoffVolts + ((FullRestVolts - CutoffVolts) * Math.Sqrt(StateOfCharge));
        Volts += (target - Volts) * Fraction(dt, DischargeTimeConstant);
        if (StateOfCharge <= 0 || Volts <= CutoffVolts + 0.01)
        {
            Disconnected = true;
        }
    }

    private static double Fraction(TimeSpan dt, TimeSpan tau) => 1 - Math.Exp(-dt.TotalSeconds / tau.TotalSeconds);
}
