using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>Leases in PostgreSQL: two stores (two nodes' connection pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresLeaseStoreTests : LeaseStoreTestSuite
{
    private readonly List<PostgresStore> _stores = [];
    private PostgresDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _db = await PostgresDatabase.CreateAsync("leases");

    [SetUp]
    public async Task EmptyAsync()
    {
        await (await _db.OpenAsync(Time)).DisposeAsync();
        await _db.ExecuteAsync("TRUNCATE leases, job_runs");
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

    protected override async Task<(ILeaseStore A, ILeaseStore B)> OpenAsync()
    {
        var a = await _db.OpenAsync(Time);
        var b = await _db.OpenAsync(Time);
        _stores.Add(a);
        _stores.Add(b);
        return (new PostgresLeaseStore(a, Time), new PostgresLeaseStore(b, Time));
    }
}
