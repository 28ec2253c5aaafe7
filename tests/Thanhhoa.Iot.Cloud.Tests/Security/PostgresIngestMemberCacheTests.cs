using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Member leases in PostgreSQL, as a cluster has them: node 1 reads through its pool, the others write through theirs.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresIngestMemberCacheTests : IngestMemberCacheTestSuite
{
    private PostgresNodes _pg = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync("brokerauth-members", "leases, job_runs");

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
