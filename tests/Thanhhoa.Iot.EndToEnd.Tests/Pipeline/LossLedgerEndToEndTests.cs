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
        await using var gateway = GatewayInstance.Create(
            OfflineOutbox.Configuration(Device, "bts-th-loss", dir.File("gw"), cloud.MqttPort), (s, c) => s.AddLiteDbOutbox(c.GetSection("Outbox")));
        var outbox = (LiteDbOutbox)gateway.Outbox;

        // Offline: nothing is started yet, the outbox fills past its quota.
        var (readings, alarms) = await OfflineOutbox.FillAsync(outbox, 80, 10, Readings, Start);

        var dropped = outbox.GetDroppedRanges();
        Assert.That(dropped, Has.Count.GreaterThan(1), "the outage must reach the quota more than once");

        await gateway.StartAsync(CancellationToken.None); // the link is back: reporter and uplink run
        var loss = await OfflineOutbox.DrainedLossAsync(cloud, Device, outbox, readings[^1], TimeSpan.FromSeconds(90));
        await gateway.StopAsync(CancellationToken.None);

        Assert.That(loss!.Lost, Is.EqualTo(dropped.Select(r => new LossRangeView(r.First, r.Last))), "lost = exactly what the gateway dropped");
        var events = await cloud.Api.AllEventsAsync(Device);
        Assert.That(events.Where(e => e.Code.StartsWith("alarm_", StringComparison.Ordinal)).Select(e => e.Seq), Is.EquivalentTo(alarms), "every alarm kept");
        Assert.That(dropped[0].First, Is.EqualTo(readings[0]), "telemetry dropped oldest-first");
    }

    private static SensorReading[] Readings(int batch) =>
        Enumerable.Range(0, 100).Select(i => new SensorReading("battery_v", Start.AddSeconds((batch * 100) + i), 48 + (i % 10 / 10.0), Quality.Good)).ToArray();
}
