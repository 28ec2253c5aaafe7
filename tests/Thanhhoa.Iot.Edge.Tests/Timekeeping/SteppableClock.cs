using Microsoft.Extensions.Time.Testing;

namespace Thanhhoa.Iot.Edge.Tests.Timekeeping;

/// <summary>
/// A FakeTimeProvider whose wall clock can also be set back or forward, as NTP or a person setting the
/// date does to a Raspberry Pi; the monotonic clock (GetTimestamp) and the timers only ever advance.
/// </summary>
internal sealed class SteppableClock(DateTimeOffset wall) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private TimeSpan _wallOffset = wall - new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow() + _wallOffset;

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _fake.CreateTimer(callback, state, dueTime, period);

    /// <summary>Time passes: wall and monotonic clocks both move on.</summary>
    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>The wall clock is set (a jump); the monotonic clock does not move.</summary>
    public void SetWall(DateTimeOffset wall) => _wallOffset = wall - _fake.GetUtcNow();
}
