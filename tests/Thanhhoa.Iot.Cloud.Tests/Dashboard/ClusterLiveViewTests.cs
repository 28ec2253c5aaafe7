using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

/// <summary>
/// Node B's live dashboard follows what node A stored in PostgreSQL (A ingested it; B never saw the messages):
/// births and deaths, alarm events, acknowledgements and newest readings, after one poll.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ClusterLiveViewTests() : ClusterNodesFixture(
    "liveview", "devices, sequence_ledger, events, sites, link_history, observed_spans, alarm_acks")
{
    [SetUp]
    public async Task AddSiteAsync() =>
        await new PostgresSiteCatalog(A, Options.Create(new ClusterViewOptions()), Time)
            .UpsertAsync([new Site { Code = "th-0001", Name = "One", DistrictCode = "380", DistrictName = "Thanh Hóa" }], None);

    [Test]
    public async Task Poll_OtherNodeStoredBirthAlarmAndAck_ShownOnThisNode()
    {
        var (view, board) = NodeB();
        Assert.That((await board.StatusAsync("th-0001", None))!.State, Is.EqualTo(SiteState.Unmonitored), "before: B has heard of no gateway");

        await NodeABirthAsync("gw-1", T0);
        await new PostgresTelemetryStore(A).AppendEventsAsync([Raise("gw-1", 1, T0.AddSeconds(1))], None);
        await new PostgresAlarmAckStore(A).AcknowledgeAsync(new AlarmAck($"gw-1:{AlarmCodes.MainsFail}:1", "Lan", T0.AddSeconds(1), null), None);
        Time.Advance(TimeSpan.FromSeconds(2));
        await view.PollAsync(None);

        var status = await board.StatusAsync("th-0001", None);
        var alarms = await board.AlarmsAsync(null, None);
        Assert.Multiple(() =>
        {
            Assert.That(status!.DeviceId, Is.EqualTo("gw-1"));
            Assert.That(status.Online, Is.True);
            Assert.That(status.ActiveAlarms, Is.EqualTo(1));
            Assert.That(alarms.Select(a => (a.Id, a.AckedBy)), Is.EqualTo(new[] { ($"gw-1:{AlarmCodes.MainsFail}:1", (string?)"Lan") }));
        });
    }

    [Test]
    public async Task Poll_OtherNodeStoredDeathAndReadings_ShownOnThisNode()
    {
        await NodeABirthAsync("gw-1", T0);
        var (view, board) = NodeB();
        Assert.That((await board.StatusAsync("th-0001", None))!.Online, Is.True, "B loaded gw-1 online");

        var registry = new PostgresDeviceRegistry(A);
        await registry.RecordReadingsAsync("gw-1", [new StoredReading("gw-1", 1, "battery_v", T0.AddSeconds(5), 51.5, Quality.Good, T0.AddSeconds(5))], T0.AddSeconds(5), None);
        Time.Advance(TimeSpan.FromSeconds(10));
        await view.PollAsync(None);
        var withReading = await board.StatusAsync("th-0001", None);

        await registry.ApplyLinkAsync("gw-1", new LinkUpdate(LinkState.Offline, 1, T0.AddSeconds(20), "lost"), None);
        await new PostgresLinkHistoryStore(A, Time).AppendAsync("gw-1", new LinkChange(T0.AddSeconds(20), false), None);
        Time.Advance(TimeSpan.FromSeconds(2));
        await view.PollAsync(None);
        var dead = await board.StatusAsync("th-0001", None);

        Assert.Multiple(() =>
        {
            Assert.That(withReading!.BatteryVolts, Is.EqualTo(51.5));
            Assert.That(dead!.Online, Is.False);
            Assert.That(dead.State, Is.EqualTo(SiteState.Offline));
        });
    }

    [Test]
    public async Task Poll_OtherNodeStoredAlarmOfAGatewayThisNodeHasCached_AddedToItsHistory()
    {
        await NodeABirthAsync("gw-1", T0);
        var (view, board) = NodeB();
        Assert.That((await board.StatusAsync("th-0001", None))!.ActiveAlarms, Is.Zero, "B cached gw-1's history, without alarms");

        await new PostgresTelemetryStore(A).AppendEventsAsync([Raise("gw-1", 1, T0.AddSeconds(1))], None);
        Time.Advance(TimeSpan.FromSeconds(2));
        await view.PollAsync(None);

        Assert.That((await board.StatusAsync("th-0001", None))!.ActiveAlarms, Is.EqualTo(1));
    }

    private async Task NodeABirthAsync(string device, DateTimeOffset at)
    {
        await new PostgresDeviceRegistry(A).ApplyLinkAsync(device, new LinkUpdate(LinkState.Online, 1, at, Site: "th-0001"), None);
        await new PostgresLinkHistoryStore(A, Time).AppendAsync(device, new LinkChange(at, true), None);
    }

    private (ClusterLiveView View, SiteBoard Board) NodeB()
    {
        var node = Node(B);
        return (node.View, node.Board);
    }

    private static StoredEvent Raise(string device, long seq, DateTimeOffset at) =>
        new(device, seq, at, AlarmCodes.MainsFail, EventAction.Raise, Severity.Critical, null, "mains lost", null, at);
}
