using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Sensing.Filtering;

/// <summary>
/// Report by exception, to spare 2G/3G data budgets: a reading passes when it is the channel's
/// first, when its quality changes, when a digital value changes, when it moves more than the
/// deadband away from the last value reported, or when the heartbeat interval has passed since
/// the last one reported. Channels without a policy always pass.
/// </summary>
public sealed class ReportByExceptionFilter
{
    private readonly IReadOnlyDictionary<string, ReportPolicy> _policies;
    private readonly Dictionary<string, SensorReading> _lastReported = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ReportByExceptionFilter(IReadOnlyDictionary<string, ReportPolicy> policies)
    {
        _policies = policies;
    }

    /// <summary>
    /// Multiplies every deadband and heartbeat (the data budget widens them when spending runs ahead);
    /// null or 1 = as configured. Digital changes always pass.
    /// </summary>
    public Func<double>? Widening { get; init; }

    public IReadOnlyList<SensorReading> Filter(IReadOnlyList<SensorReading> readings)
    {
        var passed = new List<SensorReading>(readings.Count);
        var factor = Math.Max(1, Widening?.Invoke() ?? 1);
        lock (_lock)
        {
            foreach (var reading in readings)
            {
                if (ShouldPass(reading, factor))
                {
                    _lastReported[reading.Channel] = reading;
                    passed.Add(reading);
                }
            }
        }

        return passed;
    }

    private bool ShouldPass(SensorReading reading, double factor)
    {
        if (!_policies.TryGetValue(reading.Channel, out var policy)
            || !_lastReported.TryGetValue(reading.Channel, out var last)
            || last.Quality != reading.Quality)
        {
            return true;
        }

        if (reading.Timestamp - last.Timestamp >= policy.Heartbeat * factor)
        {
            return true;
        }

        if (reading.Quality == Quality.Bad)
        {
            return false; // a bad value carries no information: only its heartbeat goes out
        }

        var moved = Math.Abs(reading.Value - last.Value);
        return policy.Digital ? moved > 0 : moved > policy.Deadband * factor;
    }
}
