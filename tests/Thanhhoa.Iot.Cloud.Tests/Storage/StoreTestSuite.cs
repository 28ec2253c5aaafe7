using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>
/// The contract every store implementation must keep (LiteDB today, PostgreSQL later): subclass it,
/// open a fresh database in <see cref="OpenAsync"/>, and reopen the same one when called again.
/// </summary>
public abstract partial class StoreTestSuite
{
    protected const int RejectCapacity = 5;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = TestMessages.T0;

    /// <summary>Opens (or reopens, after the previous session was closed) this test's database.</summary>
    protected abstract Task<StoreSession> OpenAsync();

    [Test]
    public async Task AppendReadings_NewRows_AllAdded()
    {
        await using var s = await OpenAsync();
        var result = await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10), None);
        Assert.That(result, Is.EqualTo(new AppendResult(10, 0)));
    }

    [Test]
    public async Task AppendReadings_SameRowsAgain_AllDuplicatesAndStoredOnce()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10), None);
        var again = await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 5, 10), None);
        var stored = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(new AppendResult(4, 6)));
            Assert.That(stored.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 14).Select(i => (long)i)));
        });
    }

    [Test]
    public async Task AppendReadings_DuplicateInsideOneBatch_StoredOnce()
    {
        await using var s = await OpenAsync();
        var batch = Readings("gw-1", 1, 3).Concat(Readings("gw-1", 2, 1)).ToList();
        var result = await s.Telemetry.AppendReadingsAsync(batch, None);
        Assert.That(result, Is.EqualTo(new AppendResult(3, 1)));
    }

    [Test]
    public async Task AppendReadings_SameSequenceOtherDevice_BothStored()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 3), None);
        var other = await s.Telemetry.AppendReadingsAsync(Readings("gw-2", 1, 3), None);
        Assert.That(other, Is.EqualTo(new AppendResult(3, 0)));
    }

    [Test]
    public async Task AppendReadings_AfterReopen_DuplicatesStillDropped()
    {
        await using (var first = await OpenAsync())
        {
            await first.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10), None);
        }

        await using var second = await OpenAsync();
        var again = await second.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10), None);
        Assert.That(again, Is.EqualTo(new AppendResult(0, 10)));
    }

    [Test]
    public async Task AppendReadings_ManyConcurrentWriters_AllStoredOnce()
    {
        await using var s = await OpenAsync();
        var writes = Enumerable.Range(0, 40).Select(i => s.Telemetry.AppendReadingsAsync(Readings($"gw-{i % 8}", 1 + (i / 8 * 10), 10), None));
        var results = await Task.WhenAll(writes);
        var total = 0;
        for (var d = 0; d < 8; d++)
        {
            total += (await s.Telemetry.QueryReadingsAsync(AllOf($"gw-{d}"), None)).Count;
        }

        Assert.Multiple(() =>
        {
            Assert.That(results.Sum(r => r.Added), Is.EqualTo(400));
            Assert.That(total, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task QueryReadings_ChannelAndRange_InclusiveAscendingByTime()
    {
        await using var s = await OpenAsync();
        var rows = new[]
        {
            Reading("gw-1", 3, "battery_v", T0.AddSeconds(30), 3),
            Reading("gw-1", 1, "battery_v", T0.AddSeconds(10), 1),
            Reading("gw-1", 2, "battery_v", T0.AddSeconds(20), 2),
            Reading("gw-1", 4, "battery_v", T0.AddSeconds(40), 4),
            Reading("gw-1", 5, "mains", T0.AddSeconds(20), 1),
        };
        await s.Telemetry.AppendReadingsAsync(rows, None);
        var found = await s.Telemetry.QueryReadingsAsync(new TelemetryQuery("gw-1", "battery_v", T0.AddSeconds(10), T0.AddSeconds(30), 100), None);
        Assert.That(found.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task QueryReadings_NoChannel_AllChannelsOfThatDeviceOnly()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync([Reading("gw-1", 1, "battery_v", T0, 1), Reading("gw-1", 2, "mains", T0.AddSeconds(1), 1)], None);
        await s.Telemetry.AppendReadingsAsync([Reading("gw-10", 1, "battery_v", T0, 1), Reading("gw-1x", 1, "mains", T0, 1)], None);
        var found = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        Assert.That(found.Select(r => (r.DeviceId, r.Channel)), Is.EqualTo(new[] { ("gw-1", "battery_v"), ("gw-1", "mains") }));
    }

    [Test]
    public async Task QueryReadings_ChannelIsPrefixOfAnother_OnlyExactChannel()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync([Reading("gw-1", 1, "battery", T0, 1), Reading("gw-1", 2, "battery_v", T0, 2)], None);
        var found = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1") with { Channel = "battery" }, None);
        Assert.That(found.Select(r => r.Channel), Is.EqualTo(new[] { "battery" }));
    }

    [Test]
    public async Task QueryReadings_Limit_ReturnsEarliest()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10), None);
        var found = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1") with { Limit = 3 }, None);
        Assert.That(found.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task QueryReadings_RoundTrip_KeepsEveryField()
    {
        await using var s = await OpenAsync();
        var row = new StoredReading("gw-1", 7, "temp_c", T0.AddMilliseconds(123), -3.25, Quality.Uncertain, T0.AddMinutes(5));
        await s.Telemetry.AppendReadingsAsync([row], None);
        var found = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        Assert.That(found, Is.EqualTo(new[] { row }));
    }

    [Test]
    public async Task AppendEvents_RoundTripAndDedup()
    {
        await using var s = await OpenAsync();
        var e = new StoredEvent("gw-1", 9, T0, "mains_fail", EventAction.Raise, Severity.Critical, "mains", "mains lost",
            new Dictionary<string, double> { ["mains"] = 0 }, T0.AddSeconds(1));
        var first = await s.Telemetry.AppendEventsAsync([e], None);
        var again = await s.Telemetry.AppendEventsAsync([e], None);
        var found = await s.Telemetry.QueryEventsAsync(AllOf("gw-1"), None);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new AppendResult(1, 0)));
            Assert.That(again, Is.EqualTo(new AppendResult(0, 1)));
            Assert.That(found, Has.Count.EqualTo(1));
            Assert.That(found[0] with { Values = null }, Is.EqualTo(e with { Values = null }));
            Assert.That(found[0].Values, Is.EqualTo(e.Values));
        });
    }

    [Test]
    public async Task EventsSince_EveryDevice_OnlyFromThatTimeOn()
    {
        await using var s = await OpenAsync();
        StoredEvent At(string device, long seq, int minute) =>
            new(device, seq, T0.AddMinutes(minute), "mains_fail", EventAction.Raise, Severity.Critical, null, null, null, T0.AddMinutes(minute));
        await s.Telemetry.AppendEventsAsync([At("gw-1", 1, 0), At("gw-1", 2, 10), At("gw-2", 1, 5), At("gw-2", 2, 20)], None);

        var since = new List<StoredEvent>();
        await foreach (var e in s.Telemetry.EventsSinceAsync(T0.AddMinutes(5), None))
        {
            since.Add(e);
        }

        Assert.That(since.Select(e => (e.DeviceId, e.Seq)), Is.EquivalentTo(new[] { ("gw-1", 2L), ("gw-2", 1L), ("gw-2", 2L) }));
    }

    [Test]
    public async Task RecordReadings_OlderValueArrivesLater_NewestValueKept()
    {
        await using var s = await OpenAsync();
        await s.Registry.RecordReadingsAsync("gw-1", [Reading("gw-1", 5, "battery_v", T0.AddSeconds(50), 47.5)], T0, None);
        await s.Registry.RecordReadingsAsync("gw-1", [Reading("gw-1", 2, "battery_v", T0.AddSeconds(20), 51.0), Reading("gw-1", 3, "mains", T0, 1)], T0.AddSeconds(1), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(state!.Channels["battery_v"].Value, Is.EqualTo(47.5));
            Assert.That(state.Channels["mains"].Value, Is.EqualTo(1));
            Assert.That(state.LastSeen, Is.EqualTo(T0.AddSeconds(1)));
            Assert.That(state.FirstSeen, Is.EqualTo(T0));
        });
    }

    [Test]
    public async Task Append_RowsFlaggedUnsynced_TimeQualityKept()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync(
            [Reading("gw-1", 1, "battery_v", T0, 51.0) with { TimeQuality = TimeQuality.Unsynced }, Reading("gw-1", 2, "battery_v", T0.AddSeconds(1), 52.0)], None);
        await s.Telemetry.AppendEventsAsync(
            [new StoredEvent("gw-1", 3, T0, "mains_fail", EventAction.Raise, Severity.Critical, null, null, null, T0, TimeQuality.Unsynced)], None);
        var readings = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        var events = await s.Telemetry.QueryEventsAsync(AllOf("gw-1"), None);
        Assert.Multiple(() =>
        {
            Assert.That(readings.Select(r => r.TimeQuality), Is.EqualTo(new[] { TimeQuality.Unsynced, TimeQuality.Synced }));
            Assert.That(events.Single().TimeQuality, Is.EqualTo(TimeQuality.Unsynced));
        });
    }

    [Test]
    public async Task RecordReadings_GatewayClockSetBack_HigherSequenceIsTheLiveValue()
    {
        await using var s = await OpenAsync();
        await s.Registry.RecordReadingsAsync("gw-1", [Reading("gw-1", 5, "battery_v", T0.AddHours(2), 51.0)], T0, None);
        await s.Registry.RecordReadingsAsync("gw-1", [Reading("gw-1", 6, "battery_v", T0, 47.5)], T0.AddSeconds(1), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.That(state!.Channels["battery_v"].Value, Is.EqualTo(47.5));
    }

    [Test]
    public async Task ApplyLink_StaleWillAfterNewerBirth_Ignored()
    {
        await using var s = await OpenAsync();
        await s.Registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Online, 1, T0, Firmware: "1.0", Site: "site-a"), None);
        await s.Registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Online, 2, T0.AddSeconds(5)), None);
        var staleApplied = await s.Registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Offline, 1, T0.AddSeconds(6), "lost"), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(staleApplied, Is.False);
            Assert.That(state!.Online, Is.True);
            Assert.That(state.Session, Is.EqualTo(2));
            Assert.That(state.Firmware, Is.EqualTo("1.0"));
            Assert.That(state.Site, Is.EqualTo("site-a"));
        });
    }

    [Test]
    public async Task MarkAllOffline_OnlineDevices_OfflineWithReasonSessionKept()
    {
        await using var s = await OpenAsync();
        await s.Registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Online, 3, T0), None);
        await s.Registry.TouchAsync("gw-2", T0, None);
        var marked = await s.Registry.MarkAllOfflineAsync("cloud restarted", T0.AddMinutes(1), None);
        var all = await s.Registry.ListAsync(None);
        Assert.Multiple(() =>
        {
            Assert.That(marked, Is.EqualTo(1));
            Assert.That(all.Select(d => (d.DeviceId, d.Online, d.Session)), Is.EqualTo(new[] { ("gw-1", false, 3L), ("gw-2", false, 0L) }));
            Assert.That(all[0].OfflineReason, Is.EqualTo("cloud restarted"));
        });
    }

    [Test]
    public async Task GetDevice_Unknown_Null()
    {
        await using var s = await OpenAsync();
        Assert.That(await s.Registry.GetAsync("nobody", None), Is.Null);
    }

    [Test]
    public async Task Rejects_CountedPerDeviceAndReason_RecentNewestFirst()
    {
        await using var s = await OpenAsync();
        await s.Rejects.RecordAsync(Reject("gw-1", "Malformed", 1), None);
        await s.Rejects.RecordAsync(Reject("gw-1", "Malformed", 2), None);
        await s.Rejects.RecordAsync(Reject("gw-2", "WrongTopic", 3), None);
        var all = await s.Rejects.GetReportAsync(null, 10, None);
        var one = await s.Rejects.GetReportAsync("gw-2", 10, None);
        Assert.Multiple(() =>
        {
            Assert.That(all.Total, Is.EqualTo(3));
            Assert.That(all.Counts, Is.EqualTo(new[] { new RejectCount("gw-1", "Malformed", 2), new RejectCount("gw-2", "WrongTopic", 1) }));
            Assert.That(all.Recent.Select(r => r.At), Is.EqualTo(new[] { T0.AddSeconds(3), T0.AddSeconds(2), T0.AddSeconds(1) }));
            Assert.That(one.Recent.Single(), Is.EqualTo(Reject("gw-2", "WrongTopic", 3)));
        });
    }

    [Test]
    public async Task Rejects_MoreThanCapacity_RecentBoundedCountsKept()
    {
        await using var s = await OpenAsync();
        for (var i = 1; i <= RejectCapacity + 3; i++)
        {
            await s.Rejects.RecordAsync(Reject("gw-1", "InvalidValue", i), None);
        }

        var report = await s.Rejects.GetReportAsync(null, 100, None);
        Assert.Multiple(() =>
        {
            Assert.That(report.Recent, Has.Count.EqualTo(RejectCapacity));
            Assert.That(report.Recent[0].At, Is.EqualTo(T0.AddSeconds(RejectCapacity + 3)));
            Assert.That(report.Total, Is.EqualTo(RejectCapacity + 3));
        });
    }

    protected static StoredReading Reading(string device, long seq, string channel, DateTimeOffset at, double value) =>
        new(device, seq, channel, at, value, Quality.Good, T0);

    protected static List<StoredReading> Readings(string device, long firstSeq, int count) =>
        Enumerable.Range(0, count).Select(i => Reading(device, firstSeq + i, "battery_v", T0.AddSeconds(firstSeq + i), 48 + i)).ToList();

    private static TelemetryQuery AllOf(string device) => new(device, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10_000);

    private static RejectRecord Reject(string device, string reason, int second) =>
        new(device, reason, "$.readings[0].val", "detail " + second, $"thiot/v1/{device}/up/telemetry", T0.AddSeconds(second));
}
