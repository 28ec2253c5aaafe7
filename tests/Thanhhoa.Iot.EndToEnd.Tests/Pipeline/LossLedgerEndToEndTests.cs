using System.Globalization;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Pipeline;

/// <summary>
/// The quota reached during a long outage: a gateway composed as in production (LiteDB outbox, loss
/// reporter, uplink with cbor+deflate) fills its 1 MiB outbox while offline, then connects to the cloud
/// process; the cloud's loss ledger must list exactly the ranges the gateway dropped.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LossLedgerEndToEndTests
{
    private const string Device = "loss-gw-1";
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Outage_QuotaReached_CloudLossLedgerListsExactlyTheRangesTheGatewayDropped()
    {
        using var dir = new TempDirectory("e2e-loss");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var gateway = GatewayInstance.Create(Configuration(dir.File("gw"), cloud.MqttPort), (s, c) => s.AddLiteDbOutbox(c.GetSection("Outbox")));
        var outbox = (LiteDbOutbox)gateway.Outbox;

        // Offline: nothing is started yet, the outbox fills past its quota.
        var alarms = new List<long>();
        var readings = new List<long>();
        for (var batch = 0; batch < 80; batch++)
        {
            readings.AddRange(await outbox.AppendReadingsAsync(Readings(batch), CancellationToken.None));
            if (batch % 10 == 0)
            {
                alarms.Add(await outbox.AppendEventAsync(new EventDraft(Start.AddMinutes(batch), $"alarm_{batch}", EventAction.Raise, Severity.Major), CancellationToken.None));
            }
        }

        var dropped = outbox.GetDroppedRanges();
        Assert.That(dropped, Has.Count.GreaterThan(1), "the outage must reach the quota more than once");

        await gateway.StartAsync(CancellationToken.None); // the link is back: reporter and uplink run
        var loss = await Eventually.UntilAsync(
            () => cloud.Api.LossAsync(Device), l => l is not null && l.Missing.Count == 0 && l.HighestSeq > readings[^1] && outbox.GetStatus() is { PendingReadings: 0, PendingEvents: 0 },
            TimeSpan.FromSeconds(90), "the outbox drained and no range missing");
        await gateway.StopAsync(CancellationToken.None);

        Assert.That(loss!.Lost, Is.EqualTo(dropped.Select(r => new LossRangeView(r.First, r.Last))), "lost = exactly what the gateway dropped");
        var events = await cloud.Api.AllEventsAsync(Device);
        Assert.That(events.Where(e => e.Code.StartsWith("alarm_", StringComparison.Ordinal)).Select(e => e.Seq), Is.EquivalentTo(alarms), "every alarm kept");
        Assert.That(dropped[0].First, Is.EqualTo(readings[0]), "telemetry dropped oldest-first");
    }

    private static SensorReading[] Readings(int batch) =>
        Enumerable.Range(0, 100).Select(i => new SensorReading("battery_v", Start.AddSeconds((batch * 100) + i), 48 + (i % 10 / 10.0), Quality.Good)).ToArray();

    private static IConfiguration Configuration(string directory, int mqttPort) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Gateway:DeviceId"] = Device,
        ["Gateway:Site"] = "bts-th-loss",
        ["Gateway:DataDirectory"] = directory,
        ["Outbox:DataDirectory"] = directory,
        ["Outbox:QuotaBytes"] = (1024 * 1024).ToString(CultureInfo.InvariantCulture),
        ["Outbox:LossReportInterval"] = "00:00:00.200",
        ["Uplink:Host"] = "127.0.0.1",
        ["Uplink:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
        ["Uplink:Encoding"] = "cbor+deflate",
        ["Uplink:BackoffMin"] = "00:00:00.050",
        ["Uplink:BackoffMax"] = "00:00:01",
    }).Build();
}
