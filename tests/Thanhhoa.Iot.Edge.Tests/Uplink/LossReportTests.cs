using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>
/// The quota reached during a long outage: the real LiteDB outbox, the loss reporter, then the real
/// uplink to a real broker once the link is back.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LossReportTests
{
    private const long Quota = 1024 * 1024;
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("loss-report");
        _broker = await TestBroker.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Outage_QuotaReached_AlarmsKeptOldestTelemetryDroppedAndEveryDroppedRangeReportedExactly()
    {
        var options = Options(_dir.Path, Quota);
        options.LossReportInterval = TimeSpan.FromSeconds(10);
        using var outbox = Create(options);
        var reporter = new LossReporter(outbox, Microsoft.Extensions.Options.Options.Create(options), new FakeTimeProvider(Start), NullLogger<LossReporter>.Instance);
        var alarms = new List<long>();
        var readings = new List<long>();
        for (var batch = 0; batch < 80; batch++)
        {
            readings.AddRange(await outbox.AppendReadingsAsync(Readings(100, batch * 100), CancellationToken.None));
            if (batch % 10 == 0)
            {
                alarms.Add(await outbox.AppendEventAsync(Event($"alarm_{batch}"), CancellationToken.None)); // alarms split the runs
                await reporter.ReportAsync(CancellationToken.None); // the reporter's tick during the outage
            }
        }

        await reporter.ReportAsync(CancellationToken.None);
        var dropped = outbox.GetDroppedRanges();
        Assert.That(dropped, Has.Count.GreaterThan(1), "the outage must reach the quota more than once");
        Assert.That(await reporter.ReportAsync(CancellationToken.None), Is.Zero, "a range is reported once");

        var lastSeq = outbox.GetStatus().LastSequence;
        await using (var uplink = StartUplink(outbox))
        {
            await _broker.WaitForAsync(m => m.Sequences.Contains(readings[^1]));
            await _broker.WaitForAsync(m => m.Sequences.Contains(lastSeq));
        }

        var data = _broker.Received.Where(m => m.IsEvents || m.IsTelemetry).ToList();
        var events = data.Where(m => m.IsEvents).SelectMany(m => m.Events.Events).ToList();
        var delivered = data.Where(m => m.IsTelemetry).SelectMany(m => m.Sequences).ToHashSet();
        var lost = readings.Where(s => !delivered.Contains(s)).ToList();

        Assert.That(events.Where(e => e.Code.StartsWith("alarm_", StringComparison.Ordinal)).Select(e => e.Seq), Is.EquivalentTo(alarms), "every alarm kept");
        Assert.That(lost, Is.EqualTo(readings.Take(lost.Count)), "telemetry dropped oldest-first");
        var reported = events.Where(e => e.Code == LossReporter.EventCode).ToList();
        var reportedSeqs = reported.SelectMany(e => Span((long)e.Values!["from"], (long)e.Values["to"])).Distinct().Order().ToList();
        Assert.That(reportedSeqs, Is.EqualTo(lost), "reports cover exactly the readings that never arrived");
        Assert.That(reportedSeqs, Is.EqualTo(dropped.SelectMany(r => Span(r.First, r.Last)).ToList()));
        Assert.That(reported.Select(e => (long)e.Values!["count"]), Is.EqualTo(reported.Select(e => (long)e.Values!["to"] - (long)e.Values["from"] + 1)));
    }

    private static IEnumerable<long> Span(long first, long last)
    {
        for (var s = first; s <= last; s++)
        {
            yield return s;
        }
    }

    private AsyncStopper StartUplink(LiteDbOutbox outbox)
    {
        var options = new UplinkOptions { Host = "127.0.0.1", Port = _broker.Port, BackoffMin = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(200) };
        var gateway = new GatewayOptions { DeviceId = UplinkHarness.DeviceId, DataDirectory = _dir.Path, Site = "th-001", Firmware = "test" };
        var uplink = new MqttUplink(
            outbox, Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(gateway), new UplinkStatus(),
            new LoggingDownlinkHandler(NullLogger<LoggingDownlinkHandler>.Instance), TimeProvider.System, new TestContextLogger<MqttUplink>(), new Random(1));
        _ = uplink.StartAsync(CancellationToken.None);
        return new AsyncStopper(uplink);
    }

    private sealed class AsyncStopper(MqttUplink uplink) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await uplink.StopAsync(CancellationToken.None);
            uplink.Dispose();
        }
    }
}
