namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// The simulated site (section <c>Simulation</c>): a model of a BTS site that moves the fake
/// hardware (<c>Site:Hardware = fake</c>) under the site profile's real drivers. For laptops, the
/// demo, tests and load tests. The defaults are a real site's pace; the demo shortens them.
/// </summary>
public sealed class SimulatedSiteOptions
{
    public const string SectionName = "Simulation";

    /// <summary>Drive the fake hardware from the simulated site.</summary>
    public bool Enabled { get; set; }

    /// <summary>Same seed, same site: outages, generator starts, battery and door visits are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How often the model moves the fake hardware (one timer for every simulated site in the process).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Mean time between random mains outages (exponentially distributed).</summary>
    public TimeSpan MeanTimeBetweenOutages { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Mean duration of a random outage (each lasts 1 min to 4 × this).</summary>
    public TimeSpan MeanOutageDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When set, only these outages happen (offsets from the simulation's start); no random ones.</summary>
    public List<ScriptedOutage> Outages { get; set; } = [];

    /// <summary>Whether the site has a generator; unset: it has one when its profile has a generator alarm.</summary>
    public bool? HasGenerator { get; set; }

    /// <summary>How long after mains fails the generator runs (below the profile's start timeout, or every outage alarms).</summary>
    public TimeSpan GeneratorStartDelay { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Share of random outages during which the generator does not start (0..1).</summary>
    public double GeneratorFailureRate { get; set; } = 0.25;

    /// <summary>Usable capacity of the 48 V string; unset lets the seed decide (most 100–200 Ah, one in five aged to 8–20 Ah).</summary>
    public double? BatteryCapacityAh { get; set; }

    /// <summary>DC load of the BTS equipment.</summary>
    public double LoadCurrentA { get; set; } = 25;

    /// <summary>Mean time between technician visits (door opens); zero disables visits.</summary>
    public TimeSpan MeanTimeBetweenVisits { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the door stays open during a visit.</summary>
    public TimeSpan VisitDuration { get; set; } = TimeSpan.FromMinutes(30);
}
