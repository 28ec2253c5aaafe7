using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.LossLedger.Postgres;

/// <summary>
/// Control sequence numbers in PostgreSQL (table <c>control_seqs</c>), so any node's loss ledger sees every node's.
/// The same transaction adds the number to the device's <c>sequence_ledger</c> row, created if absent and locked as
/// the telemetry writers lock it: the gateway numbers control messages in the sequence of its readings and events,
/// so a ledger without them would keep a range per command result or configuration report in a row every telemetry
/// group rewrites. This transaction locks one ledger row and no device row, so it cannot deadlock with them.
/// </summary>
public sealed class PostgresControlSequenceStore(PostgresStore store) : IControlSequenceStore
{
    private const string Record = $"""
        INSERT INTO control_seqs (device_id, seq) VALUES (@d, @s) ON CONFLICT DO NOTHING;
        {PostgresTelemetryStore.LockLedger};
        {PostgresTelemetryStore.AddToLedger}
        """;

    public Task RecordAsync(string deviceId, long seq, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            Record,
            p =>
            {
                p.AddWithValue("d", deviceId);
                p.AddWithValue("s", seq);
                p.AddWithValue("ids", new[] { deviceId });
                p.AddWithValue("added", new[] { SequenceLedger.MultirangeText([seq]) });
            },
            cancellationToken);

    public async Task<IReadOnlyList<long>> GetAsync(string deviceId, CancellationToken cancellationToken) =>
        await store.ReadAsync("SELECT seq FROM control_seqs WHERE device_id = @d ORDER BY seq", p => p.AddWithValue("d", deviceId), r => r.GetInt64(0), cancellationToken)
            .ConfigureAwait(false);
}
