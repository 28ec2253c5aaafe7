using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Gpio;

[TestFixture]
[Category("Unit")]
public sealed class DebouncerTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Observe_TimerFiresEarly_TransitionStillHappensWhenTheWindowHasPassed()
    {
        // Regression: System.Threading.Timer can fire a fraction of a millisecond before the clock the
        // debouncer measures with says the window has passed; the transition was then lost for good.
        var fake = new FakeTimeProvider(Start);
        using var debouncer = new Debouncer(false, TimeSpan.FromMilliseconds(50), new EarlyTimers(fake));
        var changes = new List<(bool, DateTimeOffset)>();
        debouncer.Changed += (level, at) => changes.Add((level, at));

        debouncer.Observe(true);
        fake.Advance(TimeSpan.FromMilliseconds(49)); // the timer fires here, 1 ms early
        var early = changes.Count;
        fake.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Zero);
            Assert.That(changes, Is.EqualTo(new[] { (true, Start.AddMilliseconds(50)) }));
            Assert.That(debouncer.Stable, Is.True);
        });
    }

    /// <summary>Clock of the fake; every timer due more than 1 ms ahead fires 1 ms early.</summary>
    private sealed class EarlyTimers(FakeTimeProvider fake) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override long GetTimestamp() => fake.GetTimestamp();

        public override long TimestampFrequency => fake.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new EarlyTimer(fake.CreateTimer(callback, state, Early(dueTime), period));

        private static TimeSpan Early(TimeSpan due) => due > TimeSpan.FromMilliseconds(1) ? due - TimeSpan.FromMilliseconds(1) : due;

        private sealed class EarlyTimer(ITimer inner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Early(dueTime), period);

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
