namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>Configuration section <c>Timekeeping</c>: what makes the gateway's wall time trusted.</summary>
public sealed class TimekeepingOptions
{
    public const string SectionName = "Timekeeping";

    /// <summary>
    /// Sources that may make the time trusted, in order of preference. Empty means the wall clock is
    /// always trusted (a board with a battery-backed real-time clock).
    /// </summary>
    public List<TimeSource> Sources { get; set; } = [TimeSource.Ntp, TimeSource.Cloud];

    /// <summary>
    /// How far the OS clock may be from a trusted source before stored times are corrected (the CONNACK's
    /// time is late by the network's delay, so smaller differences are noise). Also the disagreement
    /// between sources that is logged.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the OS sync state and external sources are asked.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
