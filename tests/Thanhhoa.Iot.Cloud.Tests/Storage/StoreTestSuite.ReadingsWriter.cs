using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>The readings writer's contract: readings and registry row in one commit, dedup exact under concurrency.</summary>
public abstract partial class StoreTestSuite
{
    [Test]
    public async Task StoreReadings_NewMessage_ReadingsStoredAndRegistryUpdated()
    {
        await using var s = await OpenAsync();
        var result = await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 10), T0.AddMinutes(1), None);
        var stored = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Appended, Is.EqualTo(new AppendResult(10, 0)));
            Assert.That((result.Device.LastSeen, result.Device.Channels["battery_v"]), Is.EqualTo((state!.LastSeen, state.Channels["battery_v"])),
                "the writer hands over the row it committed");
            Assert.That(stored.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 10).Select(i => (long)i)));
            Assert.That(state!.FirstSeen, Is.EqualTo(T0.AddMinutes(1)));
            Assert.That(state.LastSeen, Is.EqualTo(T0.AddMinutes(1)));
            Assert.That(state.Channels["battery_v"].Seq, Is.EqualTo(10));
        });
    }

    [Test]
    public async Task StoreReadings_RedeliveredMessage_DuplicatesStoredOnceNewestValueKept()
    {
        await using var s = await OpenAsync();
        await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 10), T0.AddMinutes(1), None);
        var again = await s.Writer.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 5), T0.AddMinutes(2), None);
        var stored = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(again.Appended, Is.EqualTo(new AppendResult(0, 5)));
            Assert.That(stored, Has.Count.EqualTo(10));
            Assert.That(state!.Channels["battery_v"].Seq, Is.EqualTo(10), "an older redelivered reading must not replace the newest value");
            Assert.That(state.LastSeen, Is.EqualTo(T0.AddMinutes(2)));
        });
    }

    [Test]
    public async Task StoreReadings_AfterAppend_SameLedgerDuplicatesDropped()
    {
        await using var s = await OpenAsync();
        await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 1, 5), None);
        var result = await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 3, 5), T0, None);
        var again = await s.Telemetry.AppendReadingsAsync(Readings("gw-1", 6, 4), None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Appended, Is.EqualTo(new AppendResult(2, 3)));
            Assert.That(again, Is.EqualTo(new AppendResult(2, 2)));
        });
    }

    [Test]
    public async Task StoreReadings_ManyConcurrentMessagesWithRedeliveries_EachReadingStoredOnce()
    {
        await using var s = await OpenAsync();
        // 8 devices x 5 messages of 10 readings, every message sent twice at once (a QoS 1 redelivery racing the original).
        var messages = Enumerable.Range(0, 40).Select(i => (Device: $"gw-{i % 8}", First: 1 + (i / 8 * 10))).ToList();
        var writes = messages.Concat(messages)
            .Select(m => s.Writer!.StoreReadingsAsync(m.Device, Readings(m.Device, m.First, 10), T0.AddMinutes(1), None));
        var results = await Task.WhenAll(writes);
        var counts = new List<int>();
        for (var d = 0; d < 8; d++)
        {
            var rows = await s.Telemetry.QueryReadingsAsync(AllOf($"gw-{d}"), None);
            counts.Add(rows.Select(r => r.Seq).Distinct().Count() == rows.Count ? rows.Count : -1);
        }

        var devices = await s.Registry.ListAsync(None);
        Assert.Multiple(() =>
        {
            Assert.That(results.Sum(r => r.Appended.Added), Is.EqualTo(400));
            Assert.That(results.Sum(r => r.Appended.Duplicates), Is.EqualTo(400));
            Assert.That(counts, Is.All.EqualTo(50));
            Assert.That(devices.Select(d => d.Channels["battery_v"].Seq), Is.All.EqualTo(50));
        });
    }

    [Test]
    public async Task StoreReadings_EmptyMessage_OnlyLastSeenUpdated()
    {
        await using var s = await OpenAsync();
        var result = await s.Writer!.StoreReadingsAsync("gw-1", [], T0.AddMinutes(3), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Appended, Is.EqualTo(new AppendResult(0, 0)));
            Assert.That(state!.LastSeen, Is.EqualTo(T0.AddMinutes(3)));
            Assert.That(state.Channels, Is.Empty);
        });
    }

    [Test]
    public async Task StoreReadings_AfterMarkAllOfflineAndLinkChange_RowKeepsEveryWrite()
    {
        // Every path that writes the registry row and the readings writer see each other's latest row.
        await using var s = await OpenAsync();
        await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 5), T0, None);
        await s.Registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Online, 2, T0, Firmware: "1.1", Site: "site-a"), None);
        await s.Registry.MarkAllOfflineAsync("cloud restarted", T0.AddMinutes(1), None);
        var after = await s.Writer.StoreReadingsAsync("gw-1", Readings("gw-1", 3, 5), T0.AddMinutes(2), None);
        var state = await s.Registry.GetAsync("gw-1", None);
        Assert.Multiple(() =>
        {
            Assert.That(after.Appended, Is.EqualTo(new AppendResult(2, 3)));
            Assert.That((state!.Online, state.OfflineReason, state.Session, state.Firmware, state.Site), Is.EqualTo((false, "cloud restarted", 2L, "1.1", "site-a")));
            Assert.That(state.Channels["battery_v"].Seq, Is.EqualTo(7));
            Assert.That(state.LastSeen, Is.EqualTo(T0.AddMinutes(2)));
        });
    }
}
