namespace Thanhhoa.Iot.Edge.Sensing.Gpio;

/// <summary>
/// Time-based debounce: a new level counts only once the raw input has held it for the debounce
/// time without another edge. Every edge restarts the wait, so contact bounce yields one transition.
/// </summary>
public sealed class Debouncer : IDisposable
{
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private bool _raw;
    private DateTimeOffset _lastEdge;
    private long _lastEdgeTimestamp;

    public Debouncer(bool initial, TimeSpan window, TimeProvider time)
    {
        _window = window;
        _time = time;
        _raw = initial;
        Stable = initial;
        _lastEdge = time.GetUtcNow();
        _lastEdgeTimestamp = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised with the new stable level and the moment it became stable (last edge + window), outside the lock.</summary>
    public event Action<bool, DateTimeOffset>? Changed;

    public bool Stable { get; private set; }

    /// <summary>Feeds a raw level (an edge callback or a polled level).</summary>
    public void Observe(bool raw)
    {
        lock (_lock)
        {
            if (raw == _raw && _window > TimeSpan.Zero)
            {
                return; // no edge: a repeated level must not restart the wait
            }

            _raw = raw;
            _lastEdge = _time.GetUtcNow();
            _lastEdgeTimestamp = _time.GetTimestamp();
            if (_window > TimeSpan.Zero)
            {
                _timer.Change(_window, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        Settle();
    }

    public void Dispose() => _timer.Dispose();

    private void Settle()
    {
        bool changedTo;
        DateTimeOffset at;
        lock (_lock)
        {
            if (_raw == Stable)
            {
                return;
            }

            var remaining = _window - _time.GetElapsedTime(_lastEdgeTimestamp);
            if (remaining > TimeSpan.Zero)
            {
                // timers may fire a little early (their clock is not the one we measure with): wait out the rest
                _timer.Change(remaining, Timeout.InfiniteTimeSpan);
                return;
            }

            Stable = _raw;
            changedTo = _raw;
            at = _lastEdge + _window; // the timer may fire late; the level was stable from here
        }

        Changed?.Invoke(changedTo, at);
    }
}
