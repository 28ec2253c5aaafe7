using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard.Stores;

/// <summary>The dashboard stores in one node's LiteDB file (the "other node" is the same node).</summary>
[TestFixture]
[Category("Integration")]
public sealed class LiteDashboardStoreTests : DashboardStoreTestSuite
{
    private TempDirectory _dir = null!;
    private LiteDbStore? _store;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("dashboard-lite");

    [TearDown]
    public async Task TearDown()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }

    protected override Task<(DashboardStores Node, DashboardStores OtherNode)> OpenAsync()
    {
        _store = new LiteDbStore(_dir.Path);
        var stores = new DashboardStores(
            new LiteSiteCatalog(_store), new LiteLinkHistoryStore(_store), new LiteObservationStore(_store), new LiteAlarmAckStore(_store));
        return Task.FromResult((stores, stores));
    }
}
