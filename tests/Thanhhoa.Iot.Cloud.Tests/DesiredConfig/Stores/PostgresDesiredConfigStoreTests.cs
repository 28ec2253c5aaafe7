using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.DesiredConfig.Postgres;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.DesiredConfig.Stores;

/// <summary>The desired-configuration store on PostgreSQL; two stores (two nodes' pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresDesiredConfigStoreTests : DesiredConfigStoreTestSuite
{
    private readonly List<PostgresStore> _stores = [];
    private PostgresDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _db = await PostgresDatabase.CreateAsync("config");

    [SetUp]
    public async Task EmptyAsync()
    {
        await (await _db.OpenAsync()).DisposeAsync();
        await _db.ExecuteAsync("TRUNCATE config_groups, device_configs");
    }

    [TearDown]
    public async Task CloseAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _stores.Clear();
    }

    protected override async Task<(IDesiredConfigStore Store, IDesiredConfigStore OtherNode)> OpenAsync()
    {
        var a = await _db.OpenAsync();
        var b = await _db.OpenAsync();
        _stores.Add(a);
        _stores.Add(b);
        return (new PostgresDesiredConfigStore(a), new PostgresDesiredConfigStore(b));
    }
}
