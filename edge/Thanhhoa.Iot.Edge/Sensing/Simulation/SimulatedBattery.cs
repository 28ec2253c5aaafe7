namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// A 48 V lead-acid/LFP string behind a rectifier and a low-voltage load disconnect (LVD). Charged
/// from mains or generator at 0.1 C, the bus rises within minutes to the ~54 V float the rectifier
/// holds. On discharge the voltage drops to the resting curve and then sags with state of charge
/// toward empty, collapsing through the 44 V cutoff where the LVD cuts the load. Voltage moves
/// first-order toward a target that only falls during discharge, so it falls monotonically; that
/// is what the IOC's time-to-drop trend reads.
/// </summary>
internal sealed class SimulatedBattery(double capacityAh)
{
    public const double FloatVolts = 54.0;
    public const double FullRestVolts = 50.5;
    public const double CutoffVolts = 44.0;

    /// <summary>Where the voltage under load heads as the string empties: below the cutoff, so the LVD trips on voltage.</summary>
    private const double EmptyVolts = 43.0;
    private const double ChargeRateC = 0.1;

    private static readonly TimeSpan ChargeTimeConstant = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DischargeTimeConstant = TimeSpan.FromMinutes(3);

    public double CapacityAh => capacityAh;

    public double StateOfCharge { get; private set; } = 1.0;

    public double Volts { get; private set; } = FloatVolts;

    /// <summary>True once the string reached cutoff and the LVD cut the load (until charging resumes).</summary>
    public bool Disconnected { get; private set; }

    /// <summary>Current into the string while it recharges (0 once full).</summary>
    public double ChargingAmps(bool charging) => charging && StateOfCharge < 1.0 ? ChargeRateC * capacityAh : 0.0;

    public void Charge(TimeSpan dt)
    {
        Disconnected = false;
        StateOfCharge = Math.Min(1.0, StateOfCharge + (ChargeRateC * dt.TotalHours));
        Volts += (FloatVolts - Volts) * Fraction(dt, ChargeTimeConstant);
    }

    public void Discharge(TimeSpan dt, double amps)
    {
        if (Disconnected)
        {
            return;
        }

        StateOfCharge = Math.Max(0.0, StateOfCharge - (amps * dt.TotalHours / capacityAh));
        var target = EmptyVolts + ((FullRestVolts - EmptyVolts) * Math.Sqrt(StateOfCharge));
        Volts += (target - Volts) * Fraction(dt, DischargeTimeConstant);
        if (StateOfCharge <= 0 || Volts <= CutoffVolts)
        {
            Disconnected = true;
        }
    }

    private static double Fraction(TimeSpan dt, TimeSpan tau) => 1 - Math.Exp(-dt.TotalSeconds / tau.TotalSeconds);
}
