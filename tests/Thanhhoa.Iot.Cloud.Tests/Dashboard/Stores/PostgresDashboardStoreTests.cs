using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard.Stores;

/// <summary>The dashboard stores on PostgreSQL; two nodes' stores (separate pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresDashboardStoreTests : DashboardStoreTestSuite
{
    private PostgresNodes _pg = null!;
    private FakeTimeProvider _time = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync("dashboard", "sites, link_history, observed_spans, alarm_acks");

    [SetUp]
    public async Task EmptyAsync()
    {
        _time = new FakeTimeProvider(T0);
        await _pg.ResetAsync();
    }

    [TearDown]
    public Task CloseAsync() => _pg.CloseAllAsync();

    [Test]
    public async Task Sites_AddedOnOtherNode_SeenAfterOnePollInterval()
    {
        var (node, other) = await OpenAsync();
        await node.Sites.UpsertAsync([new Site { Code = "th-0001", Name = "One", DistrictCode = "380", DistrictName = "Thanh Hóa" }], CancellationToken.None);
        Assert.That(await other.Sites.ListAsync(CancellationToken.None), Has.Count.EqualTo(1));

        await node.Sites.UpsertAsync([new Site { Code = "th-0002", Name = "Two", DistrictCode = "380", DistrictName = "Thanh Hóa" }], CancellationToken.None);
        var cached = await other.Sites.ListAsync(CancellationToken.None);
        _time.Advance(new ClusterViewOptions().PollInterval);
        var fresh = await other.Sites.ListAsync(CancellationToken.None);
        var writers = await node.Sites.ListAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(cached, Has.Count.EqualTo(1), "cached for one poll interval");
            Assert.That(fresh.Select(s => s.Code), Is.EqualTo(new[] { "th-0001", "th-0002" }));
            Assert.That(writers, Has.Count.EqualTo(2), "the writer's own cache is dropped at once");
        });
    }

    protected override async Task<(DashboardStores Node, DashboardStores OtherNode)> OpenAsync()
    {
        var (a, b) = await _pg.OpenTwoAsync(_time);
        return (Stores(a), Stores(b));
    }

    private DashboardStores Stores(PostgresStore store) => new(
        new PostgresSiteCatalog(store, Options.Create(new ClusterViewOptions()), _time),
        new PostgresLinkHistoryStore(store, _time),
        new PostgresObservationStore(store, _time),
        new PostgresAlarmAckStore(store));
}
