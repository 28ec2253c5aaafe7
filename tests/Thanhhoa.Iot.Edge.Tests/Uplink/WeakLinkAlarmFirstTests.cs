using System.Diagnostics;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Tests.Outbox;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Network;
using Options = Microsoft.Extensions.Options.Options;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>
/// A 2G-class link: the real uplink and LiteDB outbox behind a real TCP proxy throttled to 27 kbit/s
/// per direction, in front of a real broker. A backlog is draining when an alarm is raised.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class WeakLinkAlarmFirstTests
{
    private const long LinkBitsPerSecond = 27_000;
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;
    private ThrottledTcpProxy _link = null!;
    private LiteDbOutbox _outbox = null!;
    private MqttUplink? _uplink;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("weak-link");
        _broker = await TestBroker.StartAsync();
        _link = ThrottledTcpProxy.Start(_broker.Port, LinkBitsPerSecond);
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
        await _link.DisposeAsync();
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Drain_BacklogOnThrottledLinkThenAlarm_AlarmArrivesBeforeTheBacklog()
    {
        var backlog = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            backlog.AddRange(await _outbox.AppendReadingsAsync(Backlog(i * 2000, 2000), CancellationToken.None));
        }

        Start();
        await _broker.WaitForAsync(m => m.IsTelemetry); // the backlog is draining through the slow link
        var raised = Stopwatch.StartNew();
        var alarm = await _outbox.AppendEventAsync(new EventDraft(DateTimeOffset.UtcNow, AlarmCodes.MainsFail, EventAction.Raise, Severity.Critical, "mains"), CancellationToken.None);
        await _broker.WaitForAsync(m => m.IsEvents && m.Events.Events.Any(e => e.Seq == alarm));
        var latency = raised.Elapsed;

        var telemetryBefore = _broker.Received.TakeWhile(m => !m.IsEvents).Where(m => m.IsTelemetry).SelectMany(m => m.Sequences).ToList();
        TestContext.Out.WriteLine($"alarm after {latency.TotalMilliseconds:F0} ms; {telemetryBefore.Count} of {backlog.Count} backlog readings before it; {_link.UpstreamBytes} bytes up the link");
        Assert.That(telemetryBefore, Has.Count.LessThan(backlog.Count / 4), "the alarm overtakes the backlog: at most the batch in flight goes before it");
        Assert.That(_outbox.GetStatus().PendingReadings, Is.GreaterThan(backlog.Count / 2), "most of the backlog still waits");
        Assert.That(_link.UpstreamBytes, Is.GreaterThan(0));
    }

    private static SensorReading[] Backlog(int offset, int count) =>
        Enumerable.Range(offset, count)
            .Select(i => new SensorReading(i % 2 == 0 ? "battery_v" : "load_a", OutboxTestFactory.Start.AddSeconds(i), 48 + (i % 37 / 10.0), Quality.Good))
            .ToArray();

    private void Start()
    {
        var options = new UplinkOptions
        {
            Host = "127.0.0.1", Port = _link.Port, Encoding = "cbor+deflate",
            BackoffMin = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(200),
        };
        var gateway = new GatewayOptions { DeviceId = "gw-weak", DataDirectory = _dir.Path };
        _uplink = new MqttUplink(_outbox, Options.Create(options), Options.Create(gateway), new UplinkStatus(),
            new LoggingDownlinkHandler(new TestContextLogger<LoggingDownlinkHandler>()), TimeProvider.System, new TestContextLogger<MqttUplink>(), new Random(1));
        _ = _uplink.StartAsync(CancellationToken.None);
    }
}
