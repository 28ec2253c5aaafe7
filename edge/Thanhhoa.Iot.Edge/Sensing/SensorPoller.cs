using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>
/// Reads every channel at its own interval on one TimeProvider timer (the greatest common divisor of
/// the intervals) and hands all readings due at a tick to the sink in one call. Reads of one tick run
/// concurrently, each with its own timeout; a failing, slow or stuck channel becomes a bad-quality
/// reading and never holds the others beyond that timeout.
/// </summary>
internal sealed class SensorPoller : BackgroundService
{
    private readonly IReadOnlyList<ISensorChannel> _channels;
    private readonly IReadingSink _sink;
    private readonly SensorPollerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SensorPoller> _logger;
    private readonly ISensorSchedule? _schedule;

    public SensorPoller(
        IEnumerable<ISensorChannel> channels,
        IReadingSink sink,
        IOptions<SensorPollerOptions> options,
        TimeProvider time,
        ILogger<SensorPoller> logger,
        ISensorSchedule? schedule = null)
    {
        _channels = channels.ToList();
        _sink = sink;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _schedule = schedule;
    }

    /// <summary>The timer period: the largest step that lands on every channel's interval.</summary>
    public static TimeSpan BaseTick(IEnumerable<TimeSpan> intervals)
    {
        var gcd = intervals.Select(i => i.Ticks).Aggregate(0L, (a, b) => Gcd(a, b));
        return TimeSpan.FromTicks(Math.Max(gcd, TimeSpan.TicksPerMillisecond));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_channels.Count == 0)
        {
            SensorPollerLog.NoChannels(_logger);
            return;
        }

        var bad = _channels.FirstOrDefault(c => c.PollInterval <= TimeSpan.Zero);
        if (bad is not null)
        {
            throw new InvalidOperationException($"Channel '{bad.Id}' has poll interval {bad.PollInterval}; it must be positive. Fix the channel's configuration.");
        }

        var tick = BaseTick(_channels.Select(c => c.PollInterval));
        var tolerance = tick / 2;
        var start = _time.GetUtcNow();
        var slots = _channels.Select(c => new SensorPollerSlot(c, Min(_options.ReadTimeout, c.PollInterval), start)).ToList();
        SensorPollerLog.Started(_logger, slots.Count, tick);
        using var timer = new PeriodicTimer(tick, _time);
        try
        {
            do
            {
                await PollDueAsync(slots, tolerance, stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollDueAsync(List<SensorPollerSlot> slots, TimeSpan tolerance, CancellationToken stoppingToken)
    {
        var now = _time.GetUtcNow();
        var due = slots.Where(s => s.IsDue(now, tolerance)).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var slot in due)
        {
            slot.Advance(now, tolerance, _schedule?.IntervalOf(slot.Channel.Id));
        }

        if (_schedule is not null)
        {
            due.RemoveAll(s => !_schedule.IsEnabled(s.Channel.Id));
            if (due.Count == 0)
            {
                return;
            }
        }

        var readings = await Task.WhenAll(due.Select(s => ReadAsync(s, now, stoppingToken))).ConfigureAwait(false);
        try
        {
            await _sink.AcceptAsync(readings, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            SensorPollerLog.SinkFailed(_logger, readings.Length, ex);
        }
    }

    private async Task<SensorReading> ReadAsync(SensorPollerSlot slot, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var id = slot.Channel.Id;
        if (slot.Stuck is { IsCompleted: false })
        {
            SensorPollerLog.StillBusy(_logger, id);
            return Bad(id, now);
        }

        slot.Stuck = null;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // The deadline exists before the driver is called, so even a read that blocks its caller is bounded.
        var deadline = Task.Delay(slot.Timeout, _time, cancel.Token);
        Task<SensorReading> read;
        try
        {
            read = slot.Channel.ReadAsync(cancel.Token).AsTask();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            SensorPollerLog.ReadFailed(_logger, id, ex);
            return Bad(id, now);
        }

        var first = await Task.WhenAny(read, deadline).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        if (first != read)
        {
            stoppingToken.ThrowIfCancellationRequested();
            slot.Stuck = read;
            SensorPollerLog.ReadTimedOut(_logger, id, slot.Timeout);
            return Bad(id, now);
        }

        return Checked(read, id, now, stoppingToken);
    }

    private SensorReading Checked(Task<SensorReading> read, string id, DateTimeOffset now, CancellationToken stoppingToken)
    {
        if (!read.IsCompletedSuccessfully)
        {
            stoppingToken.ThrowIfCancellationRequested();
            SensorPollerLog.ReadFailed(_logger, id, read.Exception?.InnerException ?? new OperationCanceledException("read cancelled"));
            return Bad(id, now);
        }

        var reading = read.Result;
        if (!double.IsFinite(reading.Value))
        {
            SensorPollerLog.NotFinite(_logger, id, reading.Value);
            return Bad(id, reading.Timestamp);
        }

        return reading.Channel == id ? reading : reading with { Channel = id };
    }

    private static SensorReading Bad(string channel, DateTimeOffset at) => new(channel, at, 0, Quality.Bad);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
