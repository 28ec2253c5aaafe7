using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Pipeline;

/// <summary>
/// The quota reached during a long outage with the default retention: a gateway composed as in
/// production fills its 1 MiB outbox while offline; old raw telemetry is first replaced by aggregates,
/// then the oldest (aggregates included) is dropped. Once connected to the cloud process, the cloud's
/// loss ledger must list exactly the ranges the gateway dropped (lost) and replaced (downsampled).
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class QuotaDownsampleEndToEndTests
{
    private const string Device = "quota-gw-1";
    private static readonly string[] Channels = ["battery_v", "load_a", "cabinet_temp", "rectifier_v"];
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    /// <summary>One-minute aggregates, and none of the oldest readings held back as in flight (nothing is in flight offline).</summary>
    private static readonly Dictionary<string, string?> Aggregation = new()
    {
        ["Outbox:AggregateInterval"] = "00:01:00",
        ["Outbox:AggregateInFlightReadings"] = "0",
    };

    [Test]
    public async Task Outage_QuotaReached_AlarmsKeptTelemetryAggregatedThenDroppedAndLedgerListsExactlyBoth()
    {
        using var dir = new TempDirectory("e2e-quota");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var gateway = GatewayInstance.Create(
            OfflineOutbox.Configuration(Device, "bts-th-quota", dir.File("gw"), cloud.MqttPort, Aggregation), (s, c) => s.AddLiteDbOutbox(c.GetSection("Outbox")));
        var outbox = (LiteDbOutbox)gateway.Outbox;

        var (readings, alarms) = await OfflineOutbox.FillAsync(outbox, 240, 7, Readings, Start);

        var dropped = outbox.GetDroppedRanges();
        var downsampled = outbox.GetDownsampledRanges();
        Assert.That(downsampled, Has.Count.GreaterThan(1), "old telemetry replaced by aggregates more than once");
        Assert.That(dropped, Is.Not.Empty, "then the oldest dropped");

        await gateway.StartAsync(CancellationToken.None); // the link is back: reporter and uplink run
        var loss = await OfflineOutbox.DrainedLossAsync(cloud, Device, outbox, readings[^1], TimeSpan.FromSeconds(120));
        await gateway.StopAsync(CancellationToken.None);
        dropped = outbox.GetDroppedRanges(); // the reports themselves are appended to a full outbox: it may drop once more
        downsampled = outbox.GetDownsampledRanges();

        // Compared number by number: the cloud merges adjacent ranges that the gateway recorded in two passes.
        var lost = loss!.Lost.SelectMany(r => Span(r.From, r.To)).ToList();
        var droppedSeqs = dropped.SelectMany(r => Span(r.First, r.Last)).ToList();
        Assert.That(lost.Except(droppedSeqs), Is.Empty, "nothing lost that the gateway did not drop");
        Assert.That(droppedSeqs.Except(lost), Is.Empty, "everything the gateway dropped is lost");
        Assert.That(lost, Is.EqualTo(droppedSeqs), "lost = exactly what the gateway dropped");
        var alarmSet = alarms.ToHashSet();
        var replaced = downsampled.SelectMany(r => Span(r.First, r.Last)).Where(s => !alarmSet.Contains(s)).ToList();
        Assert.That(replaced, Has.Count.EqualTo(downsampled.Sum(r => r.Count)), "a downsampled range encloses only replaced readings and kept alarms");
        Assert.That(loss.Downsampled.SelectMany(r => Span(r.From, r.To)), Is.EqualTo(replaced), "downsampled = exactly what the gateway replaced");

        var events = await cloud.Api.AllEventsAsync(Device);
        Assert.That(events.Where(e => e.Code.StartsWith("alarm_", StringComparison.Ordinal)).Select(e => e.Seq), Is.EquivalentTo(alarms), "every alarm kept");
        var stored = await cloud.Api.AllReadingsAsync(Device);
        Assert.That(stored.Where(r => r.Channel == "battery_v--n").Sum(r => r.Value), Is.GreaterThan(0), "aggregates arrived as readings");
        Assert.That(dropped[0].First, Is.EqualTo(readings[0]), "the oldest (aggregate rows now) dropped first");
    }

    private static IEnumerable<long> Span(long first, long last)
    {
        for (var s = first; s <= last; s++)
        {
            yield return s;
        }
    }

    /// <summary>100 readings: 25 moments two seconds apart, one reading of each of four channels.</summary>
    private static SensorReading[] Readings(int batch) =>
        Enumerable.Range(0, 100)
            .Select(i => new SensorReading(Channels[i % 4], Start.AddSeconds(((batch * 25) + (i / 4)) * 2), 48 + (i % 10 / 10.0), Quality.Good))
            .ToArray();
}
