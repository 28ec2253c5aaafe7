using System.Diagnostics;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// Twice a second takes the next acknowledged batch and measures when the cloud's REST API shows it; at most
/// <see cref="MaxOutstanding"/> at a time, so a backlog of seconds does not pile up pollers against the node being measured.
/// </summary>
internal sealed class VisibilitySampler(LoadFleet fleet, CloudProbe probe, LatencyHistogram visible, bool enabled)
{
    private const int MaxOutstanding = 4;
    private static readonly long Every = Stopwatch.Frequency / 2;
    private readonly List<Task> _polls = [];
    private readonly CancellationTokenSource _stop = new();
    private long _nextSample;
    private int _outstanding;

    public void Start()
    {
        if (!enabled)
        {
            return;
        }

        _nextSample = Stopwatch.GetTimestamp();
        fleet.BatchAcked += OnAcked;
    }

    public async Task StopAsync()
    {
        fleet.BatchAcked -= OnAcked;
        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] polls;
        lock (_polls)
        {
            polls = [.. _polls];
        }

        await Task.WhenAll(polls).ConfigureAwait(false);
        _stop.Dispose();
    }

    private void OnAcked(string deviceId, long seq, long started)
    {
        var now = Stopwatch.GetTimestamp();
        var due = Interlocked.Read(ref _nextSample);
        if (now < due || Volatile.Read(ref _outstanding) >= MaxOutstanding || Interlocked.CompareExchange(ref _nextSample, now + Every, due) != due)
        {
            return;
        }

        Interlocked.Increment(ref _outstanding);

        lock (_polls)
        {
            _polls.Add(PollAsync(deviceId, seq, started));
        }
    }

    private async Task PollAsync(string deviceId, long seq, long started)
    {
        try
        {
            if (await probe.VisibleAfterAsync(deviceId, seq, started, TimeSpan.FromSeconds(30), _stop.Token).ConfigureAwait(false) is { } latency)
            {
                visible.Record(latency);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            // The run ended, or the cloud is busy; this sample is dropped.
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }
}
