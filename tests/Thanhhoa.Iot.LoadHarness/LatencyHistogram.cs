namespace Thanhhoa.Iot.LoadHarness;

/// <summary>Latency samples in microseconds (kept whole: a run has at most a few million), with percentiles.</summary>
public sealed class LatencyHistogram
{
    private readonly List<long> _micros = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _micros.Count;
            }
        }
    }

    public void Record(TimeSpan latency)
    {
        lock (_gate)
        {
            _micros.Add((long)(latency.Ticks / 10));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _micros.Clear();
        }
    }

    /// <summary>The <paramref name="percentile"/> (0-100) in milliseconds; NaN without samples.</summary>
    public double PercentileMs(double percentile)
    {
        long[] sorted;
        lock (_gate)
        {
            sorted = [.. _micros];
        }

        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] / 1000.0;
    }
}
