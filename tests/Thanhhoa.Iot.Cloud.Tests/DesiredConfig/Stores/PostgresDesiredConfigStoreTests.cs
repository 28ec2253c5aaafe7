using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.DesiredConfig.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.DesiredConfig.Stores;

/// <summary>The desired-configuration store on PostgreSQL; two stores (two nodes' pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresDesiredConfigStoreTests : DesiredConfigStoreTestSuite
{
    private PostgresNodes _pg = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync("config", "config_groups, device_configs");

    [SetUp]
    public Task EmptyAsync() => _pg.ResetAsync();

    [TearDown]
    public Task CloseAsync() => _pg.CloseAllAsync();

    protected override async Task<(IDesiredConfigStore Store, IDesiredConfigStore OtherNode)> OpenAsync()
    {
        var (a, b) = await _pg.OpenTwoAsync();
        return (new PostgresDesiredConfigStore(a), new PostgresDesiredConfigStore(b));
    }
}
