namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>How the poller treats slow sensors. Section <c>Sensing</c>.</summary>
public sealed class SensorPollerOptions
{
    public const string SectionName = "Sensing";

    /// <summary>
    /// Longest one read may take before it counts as failed (bad quality). Capped per channel at its
    /// poll interval, so a stuck sensor can never hold the others past their next tick.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
