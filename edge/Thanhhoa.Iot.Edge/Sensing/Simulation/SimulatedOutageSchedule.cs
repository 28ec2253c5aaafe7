namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// When mains fails and returns: either the scripted list or random outages (exponential gaps and
/// durations, each with a chance that the generator fails to start). Randomness is drawn only when
/// the next outage is planned, so the site's history depends on the seed alone, not on how often
/// it is looked at.
/// </summary>
internal sealed class SimulatedOutageSchedule
{
    private readonly Queue<PlannedOutage> _scripted;
    private readonly bool _random;
    private readonly Random _rng;
    private readonly SimulatedSiteOptions _options;

    public SimulatedOutageSchedule(SimulatedSiteOptions options, DateTimeOffset start, Random rng)
    {
        _options = options;
        _rng = rng;
        _random = options.Outages.Count == 0;
        _scripted = new Queue<PlannedOutage>(options.Outages
            .OrderBy(o => o.Start)
            .Select(o => new PlannedOutage(start + o.Start, start + o.Start + o.Duration, o.GeneratorFails)));
        Current = _random ? RandomAfter(start) : NextScripted();
    }

    /// <summary>The next (or ongoing) outage; null when the script has run out.</summary>
    public PlannedOutage? Current { get; private set; }

    /// <summary>Called when <see cref="Current"/> has ended.</summary>
    public void MoveNext() => Current = _random ? RandomAfter(Current!.Value.End) : NextScripted();

    private PlannedOutage? NextScripted() => _scripted.Count > 0 ? _scripted.Dequeue() : null;

    private PlannedOutage RandomAfter(DateTimeOffset from)
    {
        var start = from + Exponential(_options.MeanTimeBetweenOutages);
        var mean = _options.MeanOutageDuration;
        var duration = Clamp(Exponential(mean), TimeSpan.FromMinutes(1), mean * 4);
        var generatorFails = _rng.NextDouble() < _options.GeneratorFailureRate;
        return new PlannedOutage(start, start + duration, generatorFails);
    }

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - _rng.NextDouble());

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
