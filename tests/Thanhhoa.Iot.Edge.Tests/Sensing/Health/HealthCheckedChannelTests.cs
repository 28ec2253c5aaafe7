using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Health;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Health;

[TestFixture]
[Category("Unit")]
public sealed class HealthCheckedChannelTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SensorHealthPolicy Policy = new(2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));

    private FakeTimeProvider _time = null!;
    private RecordingOutbox _outbox = null!;

    [SetUp]
    public void Create()
    {
        _time = new FakeTimeProvider(Start);
        _outbox = new RecordingOutbox();
    }

    [Test]
    public async Task ReadAsync_OneSensorThrowsEveryRead_OtherChannelReadsOnTimeEveryTick()
    {
        var broken = new ScriptedChannel("battery_t", _time, _ => throw new IOException("remote I/O error"));
        var healthy = new ScriptedChannel("battery_v", _time, _ => 52.5);
        ISensorChannel[] channels = [Wrap(broken), Wrap(healthy)];
        var polled = new List<SensorReading>();

        for (var tick = 0; tick < 20; tick++) // the tiny poll loop: every channel once a second
        {
            foreach (var channel in channels)
            {
                polled.Add(await channel.ReadAsync(CancellationToken.None));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var good = polled.Where(r => r.Channel == "battery_v").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(good.Select(r => (r.Timestamp - Start).TotalSeconds), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (double)i)));
            Assert.That(good.Select(r => r.Quality), Is.All.EqualTo(Quality.Good));
            Assert.That(polled.Where(r => r.Channel == "battery_t").Select(r => r.Quality), Has.Exactly(20).EqualTo(Quality.Bad));
            Assert.That(broken.Attempts, Is.EqualTo(new[] { 0.0, 1, 3, 7, 15 }), "retried with exponential backoff");
            Assert.That(_outbox.Events.Select(e => (e.Code, e.Action, e.Channel)), Is.EqualTo(new[] { ("sensor_fault", EventAction.Raise, "battery_t") }));
        });
    }

    [Test]
    public async Task ReadAsync_SensorRecovers_ClearsTheFaultWithItsValue()
    {
        var failing = true;
        var sensor = new ScriptedChannel("cabinet_t", _time, _ => failing ? throw new IOException("no ACK") : 31.5);
        var channel = Wrap(sensor);

        await channel.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await channel.ReadAsync(CancellationToken.None);
        var raised = _outbox.Events.Count;
        failing = false;
        _time.Advance(TimeSpan.FromSeconds(2));
        var back = await channel.ReadAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(raised, Is.EqualTo(1));
            Assert.That(back, Is.EqualTo(new SensorReading("cabinet_t", Start.AddSeconds(3), 31.5, Quality.Good)));
            Assert.That(_outbox.Events[0].Message, Does.Contain("cabinet_t").And.Contain("no ACK"));
            Assert.That(_outbox.Events[1].Action, Is.EqualTo(EventAction.Clear));
            Assert.That(_outbox.Events[1].Values, Is.EqualTo(new Dictionary<string, double> { ["cabinet_t"] = 31.5 }));
            Assert.That(channel.IsFaulted, Is.False);
        });
    }

    [Test]
    public async Task ReadAsync_SensorHangs_BadReadingAfterTheReadTimeout()
    {
        var hung = new HangingChannel("meter_kwh");
        var channel = Wrap(hung);

        var pending = channel.ReadAsync(CancellationToken.None).AsTask();
        var before = pending.IsCompleted;
        _time.Advance(Policy.ReadTimeout);
        var reading = await pending;

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.False);
            Assert.That(reading.Quality, Is.EqualTo(Quality.Bad));
            Assert.That(hung.WasCancelled, Is.True);
        });
    }

    [Test]
    public async Task ReadAsync_NotANumber_IsBad()
    {
        var channel = Wrap(new ScriptedChannel("battery_v", _time, _ => double.NaN));

        var reading = await channel.ReadAsync(CancellationToken.None);

        Assert.That(reading.Quality, Is.EqualTo(Quality.Bad));
    }

    [Test]
    public void BackoffAfter_ManyFailures_DoublesUpToTheCap()
    {
        Assert.That(Enumerable.Range(1, 12).Select(n => Policy.BackoffAfter(n).TotalSeconds), Is.EqualTo(new[] { 1.0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300 }));
    }

    private HealthCheckedChannel Wrap(ISensorChannel inner) => new(inner, _outbox, _time, Policy, NullLogger.Instance);

    private sealed class ScriptedChannel(string id, TimeProvider time, Func<int, double> read) : ISensorChannel
    {
        private readonly List<double> _attempts = [];

        public IReadOnlyList<double> Attempts => _attempts;

        public string Id => id;

        public string Unit => "x";

        public TimeSpan PollInterval => TimeSpan.FromSeconds(1);

        public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            _attempts.Add((now - Start).TotalSeconds);
            return ValueTask.FromResult(new SensorReading(id, now, read(_attempts.Count), Quality.Good));
        }
    }

    private sealed class HangingChannel(string id) : ISensorChannel
    {
        private CancellationToken _token;

        /// <summary>The driver was told to give up (its token was cancelled).</summary>
        public bool WasCancelled => _token.IsCancellationRequested;

        public string Id => id;

        public string Unit => "kWh";

        public TimeSpan PollInterval => TimeSpan.FromSeconds(1);

        public async ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
        {
            _token = cancellationToken;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return default;
        }
    }
}
