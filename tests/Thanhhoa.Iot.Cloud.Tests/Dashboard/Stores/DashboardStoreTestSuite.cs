using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard.Stores;

/// <summary>The same dashboard-store behaviour from every backend (LiteDB, PostgreSQL): what one node writes, the other reads.</summary>
public abstract class DashboardStoreTestSuite
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Fresh, empty stores (and, for the shared backend, a second node's stores on the same data).</summary>
    protected abstract Task<(DashboardStores Node, DashboardStores OtherNode)> OpenAsync();

    [Test]
    public async Task Sites_UpsertThenReplace_OtherNodeListsThemByCode()
    {
        var (node, other) = await OpenAsync();
        await node.Sites.UpsertAsync([Site("th-0002", "Two"), Site("th-0001", "One") with { CommuneCode = "16000", CommuneName = "Hạc Thành" }], None);
        await node.Sites.UpsertAsync([Site("th-0002", "Two again")], None);

        var listed = await other.Sites.ListAsync(None);
        var one = await other.Sites.GetAsync("th-0001", None);
        Assert.Multiple(async () =>
        {
            Assert.That(listed.Select(s => (s.Code, s.Name)), Is.EqualTo(new[] { ("th-0001", "One"), ("th-0002", "Two again") }));
            Assert.That(one, Is.Not.Null);
            Assert.That(one!.Operators, Is.EqualTo(new[] { "viettel", "vnpt" }));
            Assert.That((one.Kind, one.Latitude, one.Longitude, one.DistrictCode, one.DistrictName, one.CommuneCode, one.CommuneName),
                Is.EqualTo((SiteKind.Bts, 19.8, 105.77, "380", "Thanh Hóa", "16000", "Hạc Thành")));
            Assert.That(listed[1].CommuneCode, Is.Null);
            Assert.That(await other.Sites.GetAsync("th-9999", None), Is.Null);
        });
    }

    [Test]
    public async Task Links_QueryFrom_LastChangeBeforeAndEveryOneAfterExactToTheTick()
    {
        var (node, other) = await OpenAsync();
        var odd = T0.AddTicks(1234567);
        await node.Links.AppendManyAsync("gw-1", [Link(T0.AddHours(-3), true), Link(T0.AddHours(-2), false), Link(odd, true)], None);
        await node.Links.AppendAsync("gw-1", Link(T0.AddHours(1), false), None);
        await node.Links.AppendAsync("gw-2", Link(T0.AddHours(-1), true), None);

        var changes = await other.Links.QueryAsync("gw-1", T0.AddHours(-1), None);

        Assert.That(changes, Is.EqualTo(new[] { Link(T0.AddHours(-2), false), Link(odd, true), Link(T0.AddHours(1), false) }));
    }

    [Test]
    public async Task Links_All_EachDevicesChangesSinceWithTheOneBefore()
    {
        var (node, other) = await OpenAsync();
        await node.Links.AppendManyAsync("gw-1", [Link(T0.AddHours(-3), true), Link(T0.AddHours(-2), false), Link(T0.AddHours(1), true)], None);
        await node.Links.AppendManyAsync("gw-2", [Link(T0.AddHours(-5), true)], None);
        await node.Links.AppendManyAsync("gw-3", [Link(T0.AddHours(2), true)], None);

        var all = await other.Links.AllAsync(T0, None);

        Assert.Multiple(() =>
        {
            Assert.That(all["gw-1"], Is.EqualTo(new[] { Link(T0.AddHours(-2), false), Link(T0.AddHours(1), true) }));
            Assert.That(all["gw-2"], Is.EqualTo(new[] { Link(T0.AddHours(-5), true) }));
            Assert.That(all["gw-3"], Is.EqualTo(new[] { Link(T0.AddHours(2), true) }));
            Assert.That(all.Count, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Links_LastChangeOnline_OnlyDevicesWhoseLatestIsABirth()
    {
        var (node, other) = await OpenAsync();
        await node.Links.AppendManyAsync("gw-1", [Link(T0, true), Link(T0.AddHours(1), false)], None);
        await node.Links.AppendManyAsync("gw-2", [Link(T0.AddHours(1), true), Link(T0, false)], None);
        await node.Links.AppendAsync("gw-3", Link(T0.AddHours(2), true), None);

        var online = await other.Links.LastChangeOnlineAsync(None);

        Assert.That(online, Is.EquivalentTo(new Dictionary<string, DateTimeOffset> { ["gw-2"] = T0.AddHours(1), ["gw-3"] = T0.AddHours(2) }));
    }

    [Test]
    public async Task Observations_QueryAndAll_SpansStartingSince()
    {
        var (node, other) = await OpenAsync();
        await node.Observations.AppendManyAsync("gw-1", [Span(T0.AddHours(-2), 30), Span(T0.AddTicks(17), 10), Span(T0.AddHours(1), 5)], None);
        await node.Observations.AppendManyAsync("gw-2", [Span(T0.AddHours(3), 1)], None);

        var one = await other.Observations.QueryAsync("gw-1", T0, None);
        var all = await other.Observations.AllAsync(T0, None);

        Assert.Multiple(() =>
        {
            Assert.That(one, Is.EqualTo(new[] { Span(T0.AddTicks(17), 10), Span(T0.AddHours(1), 5) }));
            Assert.That(all["gw-1"], Is.EquivalentTo(one));
            Assert.That(all["gw-2"], Is.EqualTo(new[] { Span(T0.AddHours(3), 1) }));
        });
    }

    [Test]
    public async Task Acks_SecondAcknowledgementOnOtherNode_FirstStandsOnBoth()
    {
        var (node, other) = await OpenAsync();
        var first = new AlarmAck("gw-1:MAINS_FAIL:7", "Lan", T0, "on site");

        var stored = await node.Acks.AcknowledgeAsync(first, None);
        var second = await other.Acks.AcknowledgeAsync(new AlarmAck(first.AlarmId, "Minh", T0.AddMinutes(1), null), None);
        var found = await other.Acks.FindAsync([first.AlarmId, "gw-1:DOOR_OPEN:8"], None);

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(first));
            Assert.That(second, Is.EqualTo(first), "the first acknowledgement stands");
            Assert.That(found.Values, Is.EqualTo(new[] { first }), "only acknowledged alarms are found");
        });
    }

    private static Site Site(string code, string name) => new()
    {
        Code = code, Name = name, Kind = SiteKind.Bts, Operators = ["viettel", "vnpt"], Latitude = 19.8, Longitude = 105.77,
        DistrictCode = "380", DistrictName = "Thanh Hóa",
    };

    private static LinkChange Link(DateTimeOffset at, bool online) => new(at, online);

    private static ObservedSpan Span(DateTimeOffset start, int minutes) => new(start, start.AddMinutes(minutes));
}
