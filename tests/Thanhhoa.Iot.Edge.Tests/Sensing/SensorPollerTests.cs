using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Sensing;

[TestFixture]
[Category("Unit")]
public sealed class SensorPollerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Poll_ChannelThrowsAndChannelHangs_BadQualityForThemGoodReadingsOnTimeForOthers()
    {
        var time = new FakeTimeProvider(T0);
        var good = new ScriptedChannel("battery_v", TimeSpan.FromSeconds(1), time, _ => 53.9);
        var throwing = new ScriptedChannel("door", TimeSpan.FromSeconds(1), time, _ => throw new IOException("GPIO line busy"));
        var hanging = new HangingChannel("cabinet_t", TimeSpan.FromSeconds(1));
        var sink = new RecordingSink();
        using var poller = NewPoller(time, sink, TimeSpan.FromMilliseconds(200), good, throwing, hanging);

        await poller.StartAsync(CancellationToken.None);
        await hanging.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromMilliseconds(200)); // the stuck read's timeout
        var first = await sink.NextAsync();

        Assert.That(first.Select(r => (r.Channel, r.Quality, r.Timestamp)), Is.EquivalentTo(new[]
        {
            ("battery_v", Quality.Good, T0),
            ("door", Quality.Bad, T0),
            ("cabinet_t", Quality.Bad, T0),
        }));

        time.Advance(TimeSpan.FromMilliseconds(800)); // next tick; the hung read is still stuck
        var second = await sink.NextAsync();

        Assert.That(second.Single(r => r.Channel == "battery_v"), Is.EqualTo(new SensorReading("battery_v", T0.AddSeconds(1), 53.9, Quality.Good)));
        Assert.That(second.Single(r => r.Channel == "cabinet_t").Quality, Is.EqualTo(Quality.Bad));
        Assert.That(hanging.Calls, Is.EqualTo(1), "a stuck channel is not read again while its read hangs");
        await poller.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Poll_DifferentIntervals_EachChannelReadAtItsOwnPaceInOneCallPerTick()
    {
        var time = new FakeTimeProvider(T0);
        var fast = new ScriptedChannel("mains", TimeSpan.FromSeconds(1), time, _ => 1);
        var slow = new ScriptedChannel("battery_v", TimeSpan.FromSeconds(3), time, _ => 52);
        var sink = new RecordingSink();
        using var poller = NewPoller(time, sink, TimeSpan.FromMilliseconds(500), fast, slow);

        await poller.StartAsync(CancellationToken.None);
        var batches = new List<string[]> { Channels(await sink.NextAsync()) };
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            batches.Add(Channels(await sink.NextAsync()));
        }

        Assert.That(batches, Is.EqualTo(new[]
        {
            new[] { "battery_v", "mains" }, ["mains"], ["mains"], ["battery_v", "mains"],
        }).AsCollection);
        await poller.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Poll_ChannelReturnsNaN_RecordedAsBad()
    {
        var time = new FakeTimeProvider(T0);
        var sink = new RecordingSink();
        using var poller = NewPoller(time, sink, TimeSpan.FromSeconds(1), new ScriptedChannel("load_a", TimeSpan.FromSeconds(5), time, _ => double.NaN));

        await poller.StartAsync(CancellationToken.None);
        var readings = await sink.NextAsync();

        Assert.That(readings.Single(), Is.EqualTo(new SensorReading("load_a", T0, 0, Quality.Bad)));
        await poller.StopAsync(CancellationToken.None);
    }

    [Test]
    public void BaseTick_MixedIntervals_IsTheirGreatestCommonDivisor()
    {
        var tick = SensorPoller.BaseTick([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(1500)]);

        Assert.That(tick, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
    }

    private static string[] Channels(IReadOnlyList<SensorReading> readings) => readings.Select(r => r.Channel).Order().ToArray();

    private static SensorPoller NewPoller(FakeTimeProvider time, IReadingSink sink, TimeSpan readTimeout, params ISensorChannel[] channels) =>
        new(channels, sink, Options.Create(new SensorPollerOptions { ReadTimeout = readTimeout }), time, NullLogger<SensorPoller>.Instance);

    private sealed class ScriptedChannel(string id, TimeSpan interval, TimeProvider time, Func<int, double> value) : ISensorChannel
    {
        private int _calls;

        public string Id => id;

        public string Unit => "x";

        public TimeSpan PollInterval => interval;

        public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new SensorReading(id, time.GetUtcNow(), value(_calls++), Quality.Good));
    }

    /// <summary>A driver whose read never returns and ignores cancellation, like a wedged I2C bus.</summary>
    private sealed class HangingChannel(string id, TimeSpan interval) : ISensorChannel
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<SensorReading> _never = new();

        public Task Started => _started.Task;

        public int Calls { get; private set; }

        public string Id => id;

        public string Unit => "degC";

        public TimeSpan PollInterval => interval;

        public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
        {
            Calls++;
            _started.TrySetResult();
            return new ValueTask<SensorReading>(_never.Task);
        }
    }

    private sealed class RecordingSink : IReadingSink
    {
        private readonly Channel<IReadOnlyList<SensorReading>> _calls = Channel.CreateUnbounded<IReadOnlyList<SensorReading>>();

        public ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken) =>
            _calls.Writer.WriteAsync(readings.ToList(), cancellationToken);

        public async Task<IReadOnlyList<SensorReading>> NextAsync() =>
            await _calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
