using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Health;

/// <summary><see cref="SensorHealthOptions"/> parsed.</summary>
public sealed record SensorHealthPolicy(int FaultAfterFailures, TimeSpan InitialBackoff, TimeSpan MaxBackoff, TimeSpan ReadTimeout)
{
    public static SensorHealthPolicy Default { get; } = From(new SensorHealthOptions());

    public static SensorHealthPolicy From(SensorHealthOptions options) => new(
        Math.Max(1, options.FaultAfterFailures),
        DurationText.Parse(options.InitialBackoff),
        DurationText.Parse(options.MaxBackoff),
        DurationText.Parse(options.ReadTimeout));

    /// <summary>Wait after the n-th consecutive failure (n ≥ 1): initial × 2^(n−1), capped.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var exponent = Math.Min(failures - 1, 30);
        var ticks = InitialBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
