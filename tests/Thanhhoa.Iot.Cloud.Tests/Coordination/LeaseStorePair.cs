using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>
/// Two nodes' lease stores on one lease space, for the suites that must hold on every backend
/// (<see cref="LeaseStoreFixture"/>): the single-node store twice, or two PostgreSQL connection pools on one database
/// of the fixture, emptied before each test.
/// </summary>
public abstract class LeaseStorePair
{
    public static LeaseStorePair SingleNode() => new SingleNodePair();

    /// <param name="database">Prefix of the fixture's database name.</param>
    public static LeaseStorePair Postgres(string database) => new PostgresPair(database);

    /// <summary>Once per fixture.</summary>
    public virtual Task CreateAsync() => Task.CompletedTask;

    /// <summary>Before each test.</summary>
    public virtual Task ResetAsync(TimeProvider time) => Task.CompletedTask;

    /// <summary>After each test.</summary>
    public virtual Task CloseAsync() => Task.CompletedTask;

    public abstract Task<(ILeaseStore A, ILeaseStore B)> OpenAsync(TimeProvider time);

    private sealed class SingleNodePair : LeaseStorePair
    {
        public override Task<(ILeaseStore A, ILeaseStore B)> OpenAsync(TimeProvider time)
        {
            var store = new SingleNodeLeaseStore(time);
            return Task.FromResult<(ILeaseStore, ILeaseStore)>((store, store));
        }
    }

    private sealed class PostgresPair(string database) : LeaseStorePair
    {
        private PostgresNodes _pg = null!;

        public override async Task CreateAsync() => _pg = await PostgresNodes.CreateAsync(database, "leases, job_runs");

        public override Task ResetAsync(TimeProvider time) => _pg.ResetAsync(time);

        public override Task CloseAsync() => _pg.CloseAllAsync();

        public override async Task<(ILeaseStore A, ILeaseStore B)> OpenAsync(TimeProvider time)
        {
            var (a, b) = await _pg.OpenTwoAsync(time);
            return (new PostgresLeaseStore(a, time), new PostgresLeaseStore(b, time));
        }
    }
}
