namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Exponential backoff with jitter: attempt n waits between half and all of min·2ⁿ (capped at max), so
/// many cloud nodes that lost the same broker do not all knock at the same instant.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    public TimeSpan Delay(int attempt)
    {
        var exponent = Math.Clamp(attempt, 0, 30);
        var ceiling = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, exponent));
        var ticks = ceiling / 2 + (random.NextDouble() * ceiling / 2);
        return TimeSpan.FromTicks((long)ticks);
    }
}
