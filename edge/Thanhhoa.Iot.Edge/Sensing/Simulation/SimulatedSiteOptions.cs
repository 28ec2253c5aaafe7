namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>A simulated BTS site (section <c>Simulation</c>): for laptops, the demo, tests and load tests.</summary>
public sealed class SimulatedSiteOptions
{
    public const string SectionName = "Simulation";

    /// <summary>Replace the site's drivers with the simulated site.</summary>
    public bool Enabled { get; set; }

    /// <summary>Same seed, same site: outages, generator and door visits are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How often every simulated channel is polled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Mean time between random mains outages (exponentially distributed).</summary>
    public TimeSpan MeanTimeBetweenOutages { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Mean duration of a random outage.</summary>
    public TimeSpan MeanOutageDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When set, only these outages happen (offsets from the simulation's start); no random ones.</summary>
    public List<ScriptedOutage> Outages { get; set; } = [];

    /// <summary>Whether the site has a generator; unset lets the seed decide (about 40% of sites do).</summary>
    public bool? HasGenerator { get; set; }

    /// <summary>How long after mains fails the generator starts.</summary>
    public TimeSpan GeneratorStartDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Battery bank capacity of the 48 V string.</summary>
    public double BatteryCapacityAh { get; set; } = 200;

    /// <summary>DC load of the BTS equipment.</summary>
    public double LoadCurrentA { get; set; } = 25;

    /// <summary>Mean time between technician visits (door opens); zero disables visits.</summary>
    public TimeSpan MeanTimeBetweenVisits { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the door stays open during a visit.</summary>
    public TimeSpan VisitDuration { get; set; } = TimeSpan.FromMinutes(30);
}
