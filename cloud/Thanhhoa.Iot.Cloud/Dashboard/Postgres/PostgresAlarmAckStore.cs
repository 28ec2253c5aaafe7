using Npgsql;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>
/// Alarm acknowledgements in PostgreSQL (table <c>alarm_acks</c>), shared by every node and read on each alarm list
/// (one indexed query for all listed alarms): an alarm acknowledged on one node shows acknowledged on every node.
/// The first acknowledgement stands cluster-wide (insert-if-absent, then read back).
/// </summary>
public sealed class PostgresAlarmAckStore(PostgresStore store) : IAlarmAckStore
{
    private const string Select = "SELECT alarm_id, acked_by, at, note FROM alarm_acks";

    public async Task<IReadOnlyDictionary<string, AlarmAck>> FindAsync(IReadOnlyCollection<string> alarmIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarmIds);
        if (alarmIds.Count == 0)
        {
            return new Dictionary<string, AlarmAck>(StringComparer.Ordinal);
        }

        var rows = await store.ReadAsync($"{Select} WHERE alarm_id = ANY(@ids)", p => p.AddWithValue("ids", alarmIds.ToArray()), Read, cancellationToken)
            .ConfigureAwait(false);
        return rows.ToDictionary(a => a.AlarmId, StringComparer.Ordinal);
    }

    public async Task<AlarmAck> AcknowledgeAsync(AlarmAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        await store.ExecuteAsync(
            "INSERT INTO alarm_acks (alarm_id, acked_by, at, note) VALUES (@id, @by, @at, @note) ON CONFLICT (alarm_id) DO NOTHING",
            p =>
            {
                p.AddWithValue("id", ack.AlarmId);
                p.AddWithValue("by", ack.By);
                p.AddWithValue("at", ack.At.UtcDateTime);
                p.Add(new NpgsqlParameter<string?>("note", ack.Note) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            },
            cancellationToken).ConfigureAwait(false);
        var stored = await FindAsync([ack.AlarmId], cancellationToken).ConfigureAwait(false);
        return stored[ack.AlarmId];
    }

    /// <summary>Alarm ids acknowledged (on any node) at or after <paramref name="since"/>, for the live view.</summary>
    internal async Task<List<string>> AcknowledgedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await store.ReadAsync("SELECT alarm_id FROM alarm_acks WHERE at >= @s", p => p.AddWithValue("s", since.UtcDateTime), r => r.GetString(0), cancellationToken)
            .ConfigureAwait(false);

    private static AlarmAck Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3));
}
