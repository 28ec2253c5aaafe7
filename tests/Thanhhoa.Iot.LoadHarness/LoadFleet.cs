using System.Diagnostics;
using Thanhhoa.Iot.LoadHarness.Wire;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// Many <see cref="LightGateway"/>s in one process sharing one scheduler: a single loop walks the fleet
/// and starts a batch for every gateway that is due and idle, with at most
/// <see cref="LoadOptions.MaxInFlight"/> batches awaiting their PUBACK at once. The PUBACK latency of
/// each batch is recorded (with the embedded broker the cloud acknowledges only after storing, so it is
/// the end-to-end ingest latency; with an external broker it is the broker's receipt). One more loop, once a
/// second, runs every connection's keep-alive and reply timeout (<see cref="LightGateway.Tick"/>).
/// </summary>
public sealed class LoadFleet : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LivenessTick = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _liveness;
    private readonly LoadOptions _options;
    private readonly TimeProvider _time;
    private readonly List<LightGateway> _gateways;
    private readonly SemaphoreSlim _inFlight;
    private long _publishedReadings;
    private long _ackedReadings;
    private long _errors;
    private long _reconnectFailures;

    private LoadFleet(LoadOptions options, TimeProvider time, List<LightGateway> gateways)
    {
        _options = options;
        _time = time;
        _gateways = gateways;
        _inFlight = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _liveness = KeepAliveAsync();
    }

    /// <summary>Raised after a batch was acknowledged: (device, highest sequence, when its publish started as a Stopwatch timestamp).</summary>
    public event Action<string, long, long>? BatchAcked;

    public LatencyHistogram PubAckLatency { get; } = new();

    public IReadOnlyList<string> DeviceIds => _gateways.Select(g => g.DeviceId).ToList();

    public int Connected => _gateways.Count(g => g.IsConnected);

    public long AckedReadings => Interlocked.Read(ref _ackedReadings);

    public long PublishedReadings => Interlocked.Read(ref _publishedReadings);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Highest acknowledged sequence number per device.</summary>
    public IReadOnlyDictionary<string, long> AckedSequences => _gateways.ToDictionary(g => g.DeviceId, g => g.AckedSeq, StringComparer.Ordinal);

    /// <summary>Connects <see cref="LoadOptions.Gateways"/> gateways at <see cref="LoadOptions.ConnectRate"/> per second; each sends its birth.</summary>
    public static async Task<LoadFleet> ConnectAsync(LoadOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var gateways = Enumerable.Range(1, options.Gateways)
            .Select(i => new LightGateway($"{options.Prefix}{i:D5}", options.CommandInterval > TimeSpan.Zero))
            .ToList();
        var fleet = new LoadFleet(options, time, gateways);
        var perTick = Math.Max(1, options.ConnectRate / 20);
        for (var i = 0; i < gateways.Count; i += perTick)
        {
            var started = Stopwatch.GetTimestamp();
            var wave = gateways.Skip(i).Take(perTick).Select(g => fleet.TryConnectAsync(g, cancellationToken));
            await Task.WhenAll(wave).ConfigureAwait(false);
            var rest = TimeSpan.FromMilliseconds(50) - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero && i + perTick < gateways.Count) // no pause after the last wave
            {
                await Task.Delay(rest, time, cancellationToken).ConfigureAwait(false);
            }
        }

        return fleet;
    }

    /// <summary>Publishes until <paramref name="until"/> is cancelled (or every gateway sent its batches), then waits for the batches in flight.</summary>
    public async Task RunAsync(CancellationToken until)
    {
        var running = new List<Task>();
        using var timer = new PeriodicTimer(Tick, _time);
        var interval = _options.Interval.Ticks;
        var start = _time.GetUtcNow().Ticks;
        var jitter = new Random(17);
        for (var i = 0; i < _gateways.Count; i++)
        {
            // Spread the first batches over one interval (or one batch at the hinted rate), so the fleet does not publish in lock-step.
            _gateways[i].NextDueTicks = HintedBatchTicks(_gateways[i]) is { } batch
                ? start + (long)(jitter.NextDouble() * batch)
                : start + (interval * i / _gateways.Count);
        }

        try
        {
            while (!until.IsCancellationRequested && !AllDone())
            {
                StartDue(running);
                running.RemoveAll(t => t.IsCompleted);
                await timer.WaitForNextTickAsync(until).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The measured time is over.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _liveness.ConfigureAwait(false);
        foreach (var chunk in _gateways.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(g => g.DisconnectAsync())).ConfigureAwait(false);
        }

        _inFlight.Dispose();
        _stopping.Dispose();
    }

    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(LivenessTick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                foreach (var gateway in _gateways)
                {
                    gateway.Tick();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The fleet is closing.
        }
    }

    private bool AllDone() => _options.BatchesPerGateway > 0 && _gateways.All(g => g.BatchesAcked >= _options.BatchesPerGateway);

    private void StartDue(List<Task> running)
    {
        var now = _time.GetUtcNow().Ticks;
        foreach (var g in _gateways)
        {
            if (g.NextDueTicks > now || Volatile.Read(ref g.Busy) == 1 || !g.IsConnected
                || (_options.BatchesPerGateway > 0 && g.BatchesAcked >= _options.BatchesPerGateway))
            {
                continue;
            }

            if (!_inFlight.Wait(0))
            {
                return; // the fleet is at its in-flight limit; continue next tick
            }

            Volatile.Write(ref g.Busy, 1);
            running.Add(PublishAsync(g));
        }
    }

    /// <summary>The time one batch takes at the gateway's hinted drain rate; null when hints are off or none came.</summary>
    private long? HintedBatchTicks(LightGateway gateway) =>
        _options.HonourDrainHint && gateway.DrainHint is { } rate ? (long)(TimeSpan.TicksPerSecond * _options.ReadingsPerBatch / rate) : null;

    private async Task PublishAsync(LightGateway gateway)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = _time.GetUtcNow().Ticks;
        try
        {
            var (ok, batch) = await gateway.PublishAsync(_options.ReadingsPerBatch, _options.Encoding, _time, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Add(ref _publishedReadings, batch.Readings.Count);
            if (ok)
            {
                PubAckLatency.Record(Stopwatch.GetElapsedTime(started));
                Interlocked.Add(ref _ackedReadings, batch.Readings.Count);
                BatchAcked?.Invoke(gateway.DeviceId, batch.SeqTo, started);
            }
            else
            {
                Interlocked.Increment(ref _errors);
            }
        }
        catch (Exception ex) when (ex is MqttWireException or OperationCanceledException)
        {
            Interlocked.Increment(ref _errors);
        }
        finally
        {
            gateway.NextDueTicks = HintedBatchTicks(gateway) is { } paced
                ? startedAt + paced
                : Math.Max(gateway.NextDueTicks + _options.Interval.Ticks, _time.GetUtcNow().Ticks - _options.Interval.Ticks);
            Volatile.Write(ref gateway.Busy, 0);
            _inFlight.Release();
        }
    }

    /// <summary>
    /// Reconnects every gateway that lost its connection (e.g. the broker went away), as the real gateway does:
    /// each waits a full-jitter delay below <paramref name="firstCeiling"/>, and the ceiling doubles after each
    /// failed attempt (at most <paramref name="maxCeiling"/>). Returns once every gateway is connected again.
    /// </summary>
    public Task ReconnectAllAsync(TimeSpan firstCeiling, TimeSpan maxCeiling, CancellationToken cancellationToken)
    {
        var seeds = new Random(23);
        return Task.WhenAll(_gateways.Where(g => !g.IsConnected).Select(g => ReconnectAsync(g, new Random(seeds.Next()), firstCeiling, maxCeiling, cancellationToken)));
    }

    private async Task ReconnectAsync(LightGateway gateway, Random random, TimeSpan ceiling, TimeSpan maxCeiling, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(ceiling * random.NextDouble(), _time, cancellationToken).ConfigureAwait(false);
            try
            {
                await gateway.ConnectAsync(_options.BrokerHost, _options.BrokerPort, _time, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (MqttWireException)
            {
                Interlocked.Increment(ref _reconnectFailures);
                ceiling = ceiling * 2 < maxCeiling ? ceiling * 2 : maxCeiling;
            }
        }
    }

    /// <summary>Reconnect attempts that failed and were retried.</summary>
    public long ReconnectFailures => Interlocked.Read(ref _reconnectFailures);

    private async Task TryConnectAsync(LightGateway gateway, CancellationToken cancellationToken)
    {
        try
        {
            await gateway.ConnectAsync(_options.BrokerHost, _options.BrokerPort, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttWireException or OperationCanceledException)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
