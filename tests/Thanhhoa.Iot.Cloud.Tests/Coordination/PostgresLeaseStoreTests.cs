using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>Leases in PostgreSQL: two stores (two nodes' connection pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresLeaseStoreTests : LeaseStoreTestSuite
{
    private PostgresNodes _pg = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync("leases", "leases, job_runs");

    [SetUp]
    public Task EmptyAsync() => _pg.ResetAsync(Time);

    [TearDown]
    public Task CloseAsync() => _pg.CloseAllAsync();

    protected override async Task<(ILeaseStore A, ILeaseStore B)> OpenAsync()
    {
        var (a, b) = await _pg.OpenTwoAsync(Time);
        return (new PostgresLeaseStore(a, Time), new PostgresLeaseStore(b, Time));
    }
}
