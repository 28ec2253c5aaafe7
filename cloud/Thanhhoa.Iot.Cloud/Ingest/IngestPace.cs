using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// The cloud-wide telemetry pace (<see cref="IngestOptions.MaxReadingsPerSecond"/>). A batch first waits for
/// room among the readings admitted but not yet stored (<see cref="IngestOptions.InFlight"/>, first come first
/// served), then reserves its readings' time on one shared timeline (GCRA) and waits for its slot. Waiting
/// delays the gateway's PUBACK, which is the back-pressure: the gateway sends its next batch only after that,
/// and the rows stay in its outbox meanwhile. Unpaced (0), it never waits.
/// </summary>
public sealed class IngestPace
{
    private readonly TimeProvider _time;
    private readonly long _ticksPerReading;
    private readonly long _burstTicks;
    private readonly InFlightBudget _inFlight;
    private readonly Lock _lock = new();
    private long _theoretical;

    public IngestPace(IOptions<IngestOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        ReadingsPerSecond = options.Value.MaxReadingsPerSecond;
        _ticksPerReading = ReadingsPerSecond > 0 ? TimeSpan.TicksPerSecond / ReadingsPerSecond : 0;
        _burstTicks = options.Value.Burst.Ticks;
        _inFlight = new InFlightBudget(Math.Max(1, (long)(ReadingsPerSecond * options.Value.InFlight.TotalSeconds)));
    }

    /// <summary>The configured pace; 0 when unpaced.</summary>
    public int ReadingsPerSecond { get; }

    /// <summary>Waits until <paramref name="readings"/> may be stored without exceeding the pace; dispose the result once they are stored.</summary>
    public async Task<IDisposable?> AdmitAsync(int readings, CancellationToken cancellationToken)
    {
        if (_ticksPerReading == 0 || readings <= 0)
        {
            return null;
        }

        await _inFlight.EnterAsync(readings, cancellationToken).ConfigureAwait(false);
        var lease = new Lease(_inFlight, readings);
        try
        {
            var wait = Reserve(readings);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
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

    private sealed class Lease(InFlightBudget budget, int readings) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                budget.Exit(readings);
            }
        }
    }
}
