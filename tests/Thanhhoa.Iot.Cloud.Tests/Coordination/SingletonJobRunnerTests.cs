using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

[TestFixture]
[Category("Unit")]
public sealed class SingletonJobRunnerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Run_TwoNodesShareLeases_JobRunsOncePerPeriod()
    {
        var time = new FakeTimeProvider(TestMessages.T0);
        var leases = new SingleNodeLeaseStore(time);
        var runs = Channel.CreateUnbounded<(long Period, string Node)>();
        var runners = new[] { Runner("a", leases, time, runs.Writer), Runner("b", leases, time, runs.Writer) };
        foreach (var r in runners)
        {
            await r.StartAsync(CancellationToken.None);
        }

        var first = SingletonJobRunner.PeriodOf(time.GetUtcNow(), Interval);
        var seen = new List<long> { (await runs.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Period };
        for (var i = 1; i <= 5; i++)
        {
            time.Advance(Interval);
            seen.Add((await runs.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Period);
        }

        foreach (var r in runners)
        {
            await r.StopAsync(CancellationToken.None);
        }

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 6).Select(i => first + i)), "each period once, none twice");
    }

    [Test]
    public async Task Run_JobThrows_RunsAgainNextPeriod()
    {
        var fake = new FakeTimeProvider(TestMessages.T0);
        var time = new TimerSignallingTimeProvider(fake);
        var runs = Channel.CreateUnbounded<(long Period, string Node)>();
        var runner = new SingletonJobRunner([new CountingJob(time, runs.Writer, "a", fail: true)], new SingleNodeLeaseStore(time),
            Options.Create(new CoordinationOptions { NodeId = "a" }), time, NullLogger<SingletonJobRunner>.Instance);
        var waiting = time.NextTimerCreated();
        await runner.StartAsync(CancellationToken.None);
        await runs.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        // Advance only once the runner waits for the next period: advancing earlier would move that
        // period's start too, and the test would wait for a boundary it never reaches.
        await waiting.WaitAsync(Patience);
        fake.Advance(Interval);
        var second = await runs.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await runner.StopAsync(CancellationToken.None);
        Assert.That(second.Period, Is.EqualTo(SingletonJobRunner.PeriodOf(time.GetUtcNow(), Interval)));
    }

    [Test]
    public async Task Run_ClockCrossesThePeriodBoundaryWhileTheRunnerSchedulesItsWait_JobStillRunsNextPeriod()
    {
        // Half a millisecond before a period boundary; after the first run, the clock jumps 3 ms right after the
        // runner's next reading of it (a thread paused there under load): the boundary passes while it schedules.
        var interval = Interval.Ticks;
        var boundary = new DateTimeOffset((TestMessages.T0.UtcTicks / interval + 1) * interval, TimeSpan.Zero);
        var fake = new FakeTimeProvider(boundary - TimeSpan.FromMicroseconds(500));
        var time = new JumpingTimeProvider(fake);
        var runs = Channel.CreateUnbounded<(long Period, string Node)>();
        var job = new ArmingJob(runs.Writer, () => time.JumpAfterNextRead(TimeSpan.FromMilliseconds(3)));
        var runner = new SingletonJobRunner([job], new SingleNodeLeaseStore(fake), Options.Create(new CoordinationOptions { NodeId = "a" }), time,
            NullLogger<SingletonJobRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);

        var first = await runs.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var second = await runs.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await runner.StopAsync(CancellationToken.None);

        Assert.That(second.Period, Is.EqualTo(first.Period + 1), "the next period's run, right after the boundary");
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(59_999)]
    public void UntilNextPeriod_AnyInstantOfAPeriod_PositiveAndAtMostOneInterval(int millisecondsIntoPeriod)
    {
        var start = new DateTimeOffset(TestMessages.T0.UtcTicks / Interval.Ticks * Interval.Ticks, TimeSpan.Zero);
        var wait = SingletonJobRunner.UntilNextPeriod(start.AddMilliseconds(millisecondsIntoPeriod), Interval);
        Assert.That(wait, Is.EqualTo(Interval - TimeSpan.FromMilliseconds(millisecondsIntoPeriod)));
    }

    private static SingletonJobRunner Runner(string node, ILeaseStore leases, TimeProvider time, ChannelWriter<(long, string)> runs) =>
        new([new CountingJob(time, runs, node, fail: false)], leases, Options.Create(new CoordinationOptions { NodeId = node }), time,
            NullLogger<SingletonJobRunner>.Instance);

    private sealed class CountingJob(TimeProvider time, ChannelWriter<(long, string)> runs, string node, bool fail) : ISingletonJob
    {
        public string Name => "test.count";

        public TimeSpan Interval => SingletonJobRunnerTests.Interval;

        public Task RunAsync(long period, CancellationToken cancellationToken)
        {
            Assert.That(period, Is.EqualTo(SingletonJobRunner.PeriodOf(time.GetUtcNow(), Interval)));
            runs.TryWrite((period, node));
            return fail ? throw new InvalidOperationException("job failed on purpose") : Task.CompletedTask;
        }
    }

    /// <summary>A job that reports its run, then arms the clock's jump (on its first run only).</summary>
    private sealed class ArmingJob(ChannelWriter<(long, string)> runs, Action arm) : ISingletonJob
    {
        private int _runs;

        public string Name => "test.arming";

        public TimeSpan Interval => SingletonJobRunnerTests.Interval;

        public Task RunAsync(long period, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _runs) == 1)
            {
                arm();
            }

            runs.TryWrite((period, "a"));
            return Task.CompletedTask;
        }
    }

    /// <summary>A fake clock that, once armed, moves on by a set amount right after the next time it is read.</summary>
    private sealed class JumpingTimeProvider(FakeTimeProvider fake) : TimeProvider
    {
        private TimeSpan? _jump;

        public void JumpAfterNextRead(TimeSpan jump) => _jump = jump;

        public override DateTimeOffset GetUtcNow()
        {
            var now = fake.GetUtcNow();
            if (_jump is { } jump)
            {
                _jump = null;
                fake.Advance(jump);
            }

            return now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            fake.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>A fake clock that also says when someone starts waiting on it.</summary>
    private sealed class TimerSignallingTimeProvider(FakeTimeProvider fake) : TimeProvider
    {
        private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task NextTimerCreated()
        {
            _created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _created.Task;
        }

        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = fake.CreateTimer(callback, state, dueTime, period);
            _created.TrySetResult();
            return timer;
        }
    }
}
