namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>The poller's bookkeeping for one channel.</summary>
internal sealed class SensorPollerSlot(ISensorChannel channel, TimeSpan timeout, DateTimeOffset firstDue)
{
    public ISensorChannel Channel { get; } = channel;

    public TimeSpan Timeout { get; } = timeout;

    public DateTimeOffset NextDue { get; private set; } = firstDue;

    /// <summary>A read that outlived its timeout and has not finished yet.</summary>
    public Task? Stuck { get; set; }

    public bool IsDue(DateTimeOffset now, TimeSpan tolerance) => NextDue <= now + tolerance;

    /// <summary>
    /// Moves the due time past <paramref name="now"/>, skipping ticks missed while the process was busy;
    /// <paramref name="interval"/> overrides the channel's own (desired configuration).
    /// </summary>
    public void Advance(DateTimeOffset now, TimeSpan tolerance, TimeSpan? interval = null)
    {
        var step = interval is { } i && i > TimeSpan.Zero ? i : Channel.PollInterval;
        while (NextDue <= now + tolerance)
        {
            NextDue += step;
        }
    }
}
