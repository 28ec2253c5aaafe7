namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Exponential backoff with full jitter: the n-th delay is uniform in [0, min(max, min·2ⁿ)]. Full jitter
/// spreads a thousand gateways that lost the same broker instead of having them return in lockstep.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _failures;

    public ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        _min = min;
        _max = max;
        _random = random;
    }

    /// <summary>The upper bound of the delay after <paramref name="failures"/> earlier failures.</summary>
    public TimeSpan Ceiling(int failures)
    {
        var ticks = _min.Ticks * Math.Pow(2, Math.Min(failures, 62));
        return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay before the next attempt; each call counts one more failure.</summary>
    public TimeSpan Next()
    {
        var ceiling = Ceiling(_failures);
        _failures = Math.Min(_failures + 1, 62);
        return TimeSpan.FromTicks((long)(_random.NextDouble() * ceiling.Ticks));
    }

    /// <summary>Starts over after a success.</summary>
    public void Reset() => _failures = 0;
}
