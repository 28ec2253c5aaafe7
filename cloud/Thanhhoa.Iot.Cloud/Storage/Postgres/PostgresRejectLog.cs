using Npgsql;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Reject counts per (device, reason) and the latest <c>capacity</c> rejects in PostgreSQL; the
/// recent list is trimmed on every insert, so a device that sends garbage all day cannot fill the disk.
/// </summary>
public sealed class PostgresRejectLog(PostgresStore store, int capacity) : IRejectLog
{
    private const string Insert = """
        INSERT INTO reject_counts (device_id, reason, n) VALUES (@d, @reason, 1)
            ON CONFLICT (device_id, reason) DO UPDATE SET n = reject_counts.n + 1;
        WITH added AS (
            INSERT INTO reject_recent (device_id, reason, field, detail, topic, at) VALUES (@d, @reason, @field, @detail, @topic, @at) RETURNING id)
        DELETE FROM reject_recent WHERE id <= (SELECT id FROM added) - @capacity
        """;

    public Task RecordAsync(RejectRecord reject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reject);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command(Insert, connection, tx);
                command.Parameters.AddWithValue("d", reject.DeviceId);
                command.Parameters.AddWithValue("reason", reject.Reason);
                command.Parameters.AddWithValue("field", reject.Field);
                command.Parameters.AddWithValue("detail", reject.Detail);
                command.Parameters.AddWithValue("topic", reject.Topic);
                command.Parameters.AddWithValue("at", reject.At.UtcDateTime);
                command.Parameters.AddWithValue("capacity", (long)capacity);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<RejectReport> GetReportAsync(string? deviceId, int recentLimit, CancellationToken cancellationToken)
    {
        var filter = deviceId is null ? string.Empty : " WHERE device_id = @d";
        await using var batch = store.DataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT device_id, reason, n FROM reject_counts{filter} ORDER BY device_id COLLATE \"C\", reason COLLATE \"C\"", deviceId));
        var recent = Command($"SELECT device_id, reason, field, detail, topic, at FROM reject_recent{filter} ORDER BY id DESC LIMIT @limit", deviceId);
        recent.Parameters.AddWithValue("limit", Math.Max(0, recentLimit));
        batch.BatchCommands.Add(recent);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<RejectCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new RejectCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<RejectRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new RejectRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return new RejectReport(counts.Sum(c => c.Count), counts, records);
    }

    private static NpgsqlBatchCommand Command(string sql, string? deviceId)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (deviceId is not null)
        {
            command.Parameters.AddWithValue("d", deviceId);
        }

        return command;
    }
}
