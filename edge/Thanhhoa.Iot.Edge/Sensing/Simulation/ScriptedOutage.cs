namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>A planned mains outage: starts <see cref="Start"/> after the simulation begins and lasts <see cref="Duration"/>.</summary>
public sealed class ScriptedOutage
{
    public TimeSpan Start { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>The site's generator (if it has one) does not start during this outage.</summary>
    public bool GeneratorFails { get; set; }
}
