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
