using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// The cloud-wide telemetry pace (<see cref="IngestOptions.MaxReadingsPerSecond"/>) as a virtual schedule
/// (GCRA): each batch reserves its readings' time on one shared timeline, in arrival order, and waits until
/// its slot. Waiting delays the gateway's PUBACK, which is the back-pressure: a gateway sends its next batch
/// only after that, and the rows stay in its outbox meanwhile. Unpaced (0), it never waits.
/// </summary>
public sealed class IngestPace
{
    private readonly TimeProvider _time;
    private readonly long _ticksPerReading;
    private readonly long _burstTicks;
    private readonly Lock _lock = new();
    private long _theoretical;

    public IngestPace(IOptions<IngestOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        ReadingsPerSecond = options.Value.MaxReadingsPerSecond;
        _ticksPerReading = ReadingsPerSecond > 0 ? TimeSpan.TicksPerSecond / ReadingsPerSecond : 0;
        _burstTicks = options.Value.Burst.Ticks;
    }

    /// <summary>The configured pace; 0 when unpaced.</summary>
    public int ReadingsPerSecond { get; }

    /// <summary>Waits until <paramref name="readings"/> may be stored without exceeding the pace.</summary>
    public Task WaitAsync(int readings, CancellationToken cancellationToken)
    {
        var wait = Reserve(readings);
        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Takes the next slot on the timeline; returns how long until it starts.</summary>
    internal TimeSpan Reserve(int readings)
    {
        if (_ticksPerReading == 0 || readings <= 0)
        {
            return TimeSpan.Zero;
        }

        var now = _time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            var start = Math.Max(_theoretical - _burstTicks, now);
            _theoretical = Math.Max(_theoretical, now) + (readings * _ticksPerReading);
            return TimeSpan.FromTicks(start - now);
        }
    }
}
