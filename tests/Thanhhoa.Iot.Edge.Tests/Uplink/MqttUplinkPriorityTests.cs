using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using MQTTnet.Packets;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Tests.Outbox;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Options = Microsoft.Extensions.Options.Options;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>The control-message lane and the upload cadence, through the real LiteDB outbox and a real broker.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MqttUplinkPriorityTests
{
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;
    private LiteDbOutbox _outbox = null!;
    private MqttUplink? _uplink;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("uplink-priority");
        _broker = await TestBroker.StartAsync();
        _outbox = OutboxTestFactory.Create(OutboxTestFactory.Options(Path.Combine(_dir.Path, "outbox")));
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_uplink is not null)
        {
            await _uplink.StopAsync(CancellationToken.None);
            _uplink.Dispose();
        }

        _outbox.Dispose();
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Drain_ResultEventAndReadingsPending_ResultFirstThenEventsThenTelemetry()
    {
        await _outbox.AppendReadingsAsync(OutboxTestFactory.Readings(3), CancellationToken.None);
        await _outbox.AppendEventAsync(OutboxTestFactory.Event(), CancellationToken.None);
        await _outbox.AppendMessageAsync(new OutboxMessage(TopicKind.CommandResult, Payload("c-9")), CancellationToken.None);

        Start(TimeProvider.System, new FixedCadence(TimeSpan.Zero));
        await _broker.WaitForAsync(m => m.IsTelemetry);

        var order = _broker.Received.Where(m => !m.IsState).Select(m => m.Topic[(m.Topic.IndexOf("/up/", StringComparison.Ordinal) + 4)..]).ToList();
        Assert.That(order, Is.EqualTo(new[] { "cmd-result", "events", "telemetry" }));
        var result = JsonCodec.DecodeCommandResult(_broker.Received.Single(m => m.Topic.EndsWith("/up/cmd-result", StringComparison.Ordinal)).Payload);
        Assert.That(result.Id, Is.EqualTo("c-9"));
    }

    [Test]
    public async Task Drain_ControlMessagesBetweenReadings_CarryTheirOutboxSequenceNumbers()
    {
        await _outbox.AppendReadingsAsync(OutboxTestFactory.Readings(2), CancellationToken.None);
        await _outbox.AppendMessageAsync(new OutboxMessage(TopicKind.CommandResult, Payload("c-7")), CancellationToken.None);
        await _outbox.AppendMessageAsync(new OutboxMessage(TopicKind.ConfigReported, Report()), CancellationToken.None);

        Start(TimeProvider.System, new FixedCadence(TimeSpan.Zero));
        await _broker.WaitForAsync(m => m.IsTelemetry);

        var result = JsonCodec.DecodeCommandResult(_broker.Received.Single(m => m.Topic.EndsWith("/up/cmd-result", StringComparison.Ordinal)).Payload);
        var report = JsonCodec.DecodeConfigReport(_broker.Received.Single(m => m.Topic.EndsWith("/up/config-reported", StringComparison.Ordinal)).Payload);
        Assert.That((result.Id, result.Seq, report.Seq), Is.EqualTo(("c-7", (long?)3, (long?)4)), "readings took 1..2; the control messages 3 and 4");
    }

    [Test]
    public async Task Drain_UploadCadence_PartialTelemetryWaitsButEventsAndFullBatchesGoAtOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
        await _outbox.AppendReadingsAsync(OutboxTestFactory.Readings(2), CancellationToken.None);
        Start(time, new FixedCadence(TimeSpan.FromMinutes(1)), readingsPerBatch: 10);
        await _broker.WaitForAsync(m => m.IsTelemetry); // the first upload is not held

        await _outbox.AppendReadingsAsync(OutboxTestFactory.Readings(2, 100), CancellationToken.None);
        await _outbox.AppendEventAsync(OutboxTestFactory.Event("door_open"), CancellationToken.None);
        await _broker.WaitForAsync(m => m.IsEvents);
        Assert.That(_broker.Received.Count(m => m.IsTelemetry), Is.EqualTo(1), "partial telemetry waits for the cadence");

        time.Advance(TimeSpan.FromMinutes(1));
        await _broker.WaitForAsync(m => m.IsTelemetry && m.Sequences.Contains(4));

        await _outbox.AppendReadingsAsync(OutboxTestFactory.Readings(10, 200), CancellationToken.None);
        await _broker.WaitForAsync(m => m.IsTelemetry && m.Sequences.Count == 10);
        Assert.That(_broker.Received.Count(m => m.IsTelemetry), Is.EqualTo(3), "a full batch goes without waiting");
    }

    [Test]
    public async Task Drain_CloudAsksForADrainRate_TelemetryBatchesSpacedByTheRateAndTheFirstSpread()
    {
        // The cloud asks for 20 readings/s: batches of 10 go at least 0.5 s apart; the first waits 0.5 × 0.5 s (FixedRandom).
        var hint = new MqttUserProperty(DrainPacer.PropertyName, Encoding.UTF8.GetBytes("20").AsMemory());
        var clock = Stopwatch.StartNew();
        var connackAt = TimeSpan.Zero;
        var arrivals = new List<TimeSpan>();
        _broker.Server.ValidatingConnectionAsync += e =>
        {
            connackAt = clock.Elapsed;
            e.ResponseUserProperties = [hint];
            return Task.CompletedTask;
        };
        _broker.OnPublish = e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/up/telemetry", StringComparison.Ordinal))
            {
                lock (arrivals)
                {
                    arrivals.Add(clock.Elapsed);
                }
            }

            e.Response.UserProperties = [hint];
            return Task.CompletedTask;
        };
        await _outbox.AppendReadingsAsync(OutboxTestFactory.Readings(30), CancellationToken.None);
        await _outbox.AppendEventAsync(OutboxTestFactory.Event(), CancellationToken.None);

        Start(TimeProvider.System, new FixedCadence(TimeSpan.Zero), readingsPerBatch: 10, random: new FixedRandom(0.5));
        await _broker.WaitForAsync(m => m.IsTelemetry && m.Sequences.Contains(30));

        Assert.That(_broker.Received.First(m => !m.IsState).IsEvents, Is.True, "events are not held by the pace");
        Assert.That(arrivals, Has.Count.EqualTo(3));
        Assert.That(arrivals[0] - connackAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240)), "first batch spread");
        Assert.That(arrivals[1] - arrivals[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(490)));
        Assert.That(arrivals[2] - arrivals[1], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(490)));
    }

    private void Start(TimeProvider time, IUploadCadence cadence, int readingsPerBatch = 500, Random? random = null)
    {
        var options = new UplinkOptions
        {
            Host = "127.0.0.1", Port = _broker.Port, ReadingsPerBatch = readingsPerBatch,
            BackoffMin = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(200),
            // Fake time jumps a minute while a PUBACK may still be in flight; that must not count as a dead link.
            OperationTimeout = TimeSpan.FromMinutes(10),
        };
        var gateway = new GatewayOptions { DeviceId = "gw-prio", DataDirectory = _dir.Path };
        _uplink = new MqttUplink(_outbox, Options.Create(options), Options.Create(gateway), new UplinkStatus(),
            new LoggingDownlinkHandler(new TestContextLogger<LoggingDownlinkHandler>()), time, new TestContextLogger<MqttUplink>(), random ?? new Random(1), cadence);
        _ = _uplink.StartAsync(CancellationToken.None);
    }

    private static byte[] Payload(string id) =>
        Encoding.UTF8.GetBytes($$"""{"v":1,"id":"{{id}}","status":"succeeded","ts":"2026-11-26T04:00:00.000Z"}""");

    private static byte[] Report() =>
        Encoding.UTF8.GetBytes("""{"v":1,"version":3,"status":"applied","ts":"2026-11-26T04:00:00.000Z","appliedVersion":3}""");

    private sealed class FixedCadence(TimeSpan interval) : IUploadCadence
    {
        public TimeSpan TelemetryInterval => interval;
    }
}
