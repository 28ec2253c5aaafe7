using NpgsqlTypes;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.LossLedger.Postgres;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>The store contract on PostgreSQL: one database per fixture, emptied before each test.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresStoreTests : StoreTestSuite
{
    private PostgresDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _db = await PostgresDatabase.CreateAsync("store");
        await (await _db.OpenAsync()).DisposeAsync();
    }

    [SetUp]
    public Task EmptyAsync() =>
        _db.ExecuteAsync("TRUNCATE reading_blocks, events, sequence_ledger, devices, reject_counts, reject_recent, control_seqs RESTART IDENTITY");

    protected override async Task<StoreSession> OpenAsync()
    {
        var store = await _db.OpenAsync();
        return new StoreSession(new PostgresTelemetryStore(store), new PostgresDeviceRegistry(store), new PostgresRejectLog(store, RejectCapacity), store.DisposeAsync,
            new PostgresReadingsWriter(store), new PostgresControlSequenceStore(store));
    }

    protected override async Task<IReadOnlyList<(long Lo, long Hi)>> LedgerAsync(string deviceId)
    {
        var seen = await _db.ScalarAsync<NpgsqlRange<long>[]>($"SELECT seen FROM sequence_ledger WHERE device_id = '{deviceId}'");
        return SequenceLedger.From(seen ?? []).Ranges;
    }
}
