using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.LossLedger.Postgres;

/// <summary>Control sequence numbers in PostgreSQL (table <c>control_seqs</c>), so any node's loss ledger sees every node's.</summary>
public sealed class PostgresControlSequenceStore(PostgresStore store) : IControlSequenceStore
{
    public Task RecordAsync(string deviceId, long seq, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            "INSERT INTO control_seqs (device_id, seq) VALUES (@d, @s) ON CONFLICT DO NOTHING",
            p =>
            {
                p.AddWithValue("d", deviceId);
                p.AddWithValue("s", seq);
            },
            cancellationToken);

    public async Task<IReadOnlyList<long>> GetAsync(string deviceId, CancellationToken cancellationToken) =>
        await store.ReadAsync("SELECT seq FROM control_seqs WHERE device_id = @d ORDER BY seq", p => p.AddWithValue("d", deviceId), r => r.GetInt64(0), cancellationToken)
            .ConfigureAwait(false);
}
