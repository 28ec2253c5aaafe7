using System.Diagnostics;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Network;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>
/// A link that silently drops packets (no FIN, no RST), through a real proxy to a real broker. MQTTnet's
/// keep-alive and request timeouts run on wall time, so these tests use short real settings; the production
/// defaults are checked against the 60 s promise separately.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class DeadLinkTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;
    private PausableTcpProxy _proxy = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("dead-link");
        _broker = await TestBroker.StartAsync();
        _proxy = PausableTcpProxy.Start(_broker.Port);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _proxy.DisposeAsync();
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task IdleLink_Blackholed_DetectedWithinKeepAlivePlusTimeoutAndRecoveredOnResume()
    {
        await using var gw = Harness(keepAlive: TimeSpan.FromSeconds(5), operationTimeout: TimeSpan.FromSeconds(1));
        gw.Start();
        var first = await gw.WhenStatusAsync(s => s.Connected);

        _proxy.Pause();
        var clock = Stopwatch.StartNew();
        await gw.WhenStatusAsync(s => !s.Connected);
        var detected = clock.Elapsed;
        TestContext.Out.WriteLine($"idle dead link detected after {detected.TotalSeconds:F1} s");
        Assert.That(detected, Is.LessThanOrEqualTo(gw.Options.KeepAlive + gw.Options.OperationTimeout + Slack));

        _proxy.Resume();
        var sequences = await gw.AddReadingsAsync(3);
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(gw.Status.Current.Session, Is.GreaterThan(first.Session), "a new session after the dead one");
        Assert.That(_broker.Received.Where(m => m.IsTelemetry).SelectMany(m => m.Sequences), Is.SupersetOf(sequences));
    }

    [Test]
    public async Task PublishOutstanding_LinkBlackholed_PubAckTimeoutDropsConnectionRowsKeptAndDeliveredOnResume()
    {
        // Keep-alive far beyond the test: only the PUBACK timeout can notice.
        await using var gw = Harness(keepAlive: TimeSpan.FromMinutes(5), operationTimeout: TimeSpan.FromSeconds(2));
        gw.Start();
        await gw.WhenStatusAsync(s => s.Connected);

        _proxy.Pause();
        var clock = Stopwatch.StartNew();
        var sequences = await gw.AddReadingsAsync(3);
        await gw.WhenStatusAsync(s => !s.Connected);
        var detected = clock.Elapsed;
        TestContext.Out.WriteLine($"dead link under a publish detected after {detected.TotalSeconds:F1} s");
        Assert.That(detected, Is.LessThanOrEqualTo(gw.Options.OperationTimeout + Slack));
        Assert.That(gw.Outbox.Acknowledged, Is.Empty, "nothing leaves the outbox without a PUBACK");

        _proxy.Resume();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(gw.Outbox.Acknowledged, Is.EqualTo(sequences));
    }

    [Test]
    public void Defaults_KeepAliveAndTimeout_DetectADeadLinkWithin60Seconds()
    {
        // Idle: a PINGREQ goes out at most KeepAlive after the last packet, and the PINGRESP is awaited
        // OperationTimeout. Busy: the PUBACK is awaited OperationTimeout. MQTTnet checks the keep-alive
        // about every second and the reconnect needs a moment, hence the margin below 60 s.
        var defaults = new UplinkOptions();
        Assert.That(defaults.KeepAlive + defaults.OperationTimeout, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(50)));
    }

    private UplinkHarness Harness(TimeSpan keepAlive, TimeSpan operationTimeout) => new(_proxy.Port, _dir.Path, configure: o =>
    {
        o.KeepAlive = keepAlive;
        o.OperationTimeout = operationTimeout;
        o.BackoffMin = TimeSpan.FromMilliseconds(50);
        o.BackoffMax = TimeSpan.FromMilliseconds(500);
    });
}
