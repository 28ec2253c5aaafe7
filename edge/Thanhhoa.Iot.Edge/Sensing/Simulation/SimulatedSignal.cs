namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>What a simulated site can be asked for.</summary>
public enum SimulatedSignal
{
    /// <summary>Mains present: 1 or 0.</summary>
    Mains,

    /// <summary>Generator running: 1 or 0.</summary>
    Generator,

    /// <summary>Cabinet door open: 1 or 0.</summary>
    Door,

    /// <summary>Battery string voltage (48 V nominal), V.</summary>
    BatteryVoltage,

    /// <summary>DC load current, A.</summary>
    LoadCurrent,

    /// <summary>Cabinet temperature, °C.</summary>
    CabinetTemperature,
}
