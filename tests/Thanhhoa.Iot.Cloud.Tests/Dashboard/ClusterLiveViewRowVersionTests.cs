using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

/// <summary>
/// The cluster poll reads in full only the device rows this node does not already hold as they are: none of the rows
/// its own ingest wrote, each row another node (or anything else) wrote once, whatever its <c>last_seen</c> says.
/// Node A is this node; node B, another node on the same database.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ClusterLiveViewRowVersionTests() : ClusterNodesFixture(
    "rowversion", "devices, sequence_ledger, reading_blocks, events, link_history, observed_spans, alarm_acks")
{
    [Test]
    public async Task Poll_ThisNodeIngestedTheRows_ReadsNoneInFull()
    {
        var a = Node(A);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => a.IngestAsync(Battery($"gw-{i}", 1, 50 + (i / 10.0)), T0.AddSeconds(1))));
        Time.Advance(TimeSpan.FromSeconds(2));

        await a.View.PollAsync(None);

        TestContext.Out.WriteLine($"poll after this node ingested 100 gateways: {a.View.RowsInWindow} device rows changed in the window, {a.View.RowsRead} read in full (before row versions: all of them)");
        Assert.Multiple(() =>
        {
            Assert.That(a.View.RowsInWindow, Is.EqualTo(100), "the poll saw every row changed");
            Assert.That(a.View.RowsRead, Is.Zero, "this node wrote them and its live view holds them");
            Assert.That(a.Devices.Get("gw-7")!.Channels["battery_v"].Value, Is.EqualTo(50.7));
        });
    }

    [Test]
    public async Task Poll_OtherNodeIngestedARow_ShownAndReadOnce()
    {
        var a = Node(A);
        await Node(B).IngestAsync(Battery("gw-1", 1, 52.5), T0.AddSeconds(1));
        Time.Advance(TimeSpan.FromSeconds(2));

        await a.View.PollAsync(None);
        var shown = a.Devices.Get("gw-1")?.Channels["battery_v"].Value;
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);

        Assert.Multiple(() =>
        {
            Assert.That(shown, Is.EqualTo(52.5));
            Assert.That(a.View.RowsInWindow, Is.EqualTo(2), "both polls saw the row in their window");
            Assert.That(a.View.RowsRead, Is.EqualTo(1), "read by the first poll only: the second knew that version");
        });
    }

    [Test]
    public async Task Poll_OtherNodeStoredALateMessageOverThisNodesRow_NewValueShownThoughLastSeenUnchanged()
    {
        var a = Node(A);
        await a.IngestAsync(Battery("gw-1", 1, 51.5), T0.AddSeconds(5));
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);
        Assert.That(a.View.RowsRead, Is.Zero, "before: this node's own row");

        // Sequence 2, received by B before A's message but committed after it: newer value, older contact time.
        await Node(B).IngestAsync(Battery("gw-1", 2, 52.0), T0.AddSeconds(3));
        var row = await new PostgresDeviceRegistry(B).GetAsync("gw-1", None);
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);

        Assert.Multiple(() =>
        {
            Assert.That(row!.LastSeen, Is.EqualTo(T0.AddSeconds(5)), "B's write left last_seen where A put it");
            Assert.That(row.Channels["battery_v"].Value, Is.EqualTo(52.0));
            Assert.That(a.Devices.Get("gw-1")!.Channels["battery_v"].Value, Is.EqualTo(52.0));
            Assert.That(a.View.RowsRead, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Poll_ThisNodesRowChangedByAPlainUpdate_NewValueShown()
    {
        var a = Node(A);
        await a.IngestAsync(Battery("gw-1", 1, 51.5), T0.AddSeconds(1));
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);

        // Another writer changes the channels and nothing else (not last_seen, not the state).
        await B.ExecuteAsync(
            """UPDATE devices SET channels = jsonb_set(channels, '{battery_v,v}', '49.5') WHERE device_id = 'gw-1'""", _ => { }, None);
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);

        Assert.Multiple(() =>
        {
            Assert.That(a.Devices.Get("gw-1")!.Channels["battery_v"].Value, Is.EqualTo(49.5));
            Assert.That(a.View.RowsRead, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Poll_ThisNodesIngestHandsOverAnOlderRowAfterThePollAppliedANewer_NewerShownAgain()
    {
        var a = Node(A);
        var readings = Battery("gw-1", 1, 51.5);
        var older = await a.StoreAsync(readings, T0.AddSeconds(5));
        await Node(B).IngestAsync(Battery("gw-1", 2, 52.0), T0.AddSeconds(6));
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);
        var afterPoll = a.Devices.Get("gw-1")!.Channels["battery_v"].Value;

        // A's ingest was slow to hand its row to the dashboard: the view now holds the older row.
        await a.HandOverAsync(readings, older);
        Time.Advance(TimeSpan.FromSeconds(2));
        await a.View.PollAsync(None);

        Assert.Multiple(() =>
        {
            Assert.That(afterPoll, Is.EqualTo(52.0));
            Assert.That(a.Devices.Get("gw-1")!.Channels["battery_v"].Value, Is.EqualTo(52.0), "the row's version is known, but not as the state the view holds");
        });
    }

    private static List<StoredReading> Battery(string device, long seq, double volts) =>
        [new(device, seq, "battery_v", T0.AddSeconds(seq), volts, Quality.Good, T0)];
}
