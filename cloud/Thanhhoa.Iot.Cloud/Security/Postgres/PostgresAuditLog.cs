using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary>The audit log in PostgreSQL (table <c>audit_log</c>), one record per write on any node.</summary>
public sealed class PostgresAuditLog(PostgresStore store) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command("""
                    INSERT INTO audit_log (at, actor, role, method, path, status, detail, remote) VALUES (@at, @actor, @role, @method, @path, @status, @detail, @remote)
                    """, connection, tx);
                command.Parameters.AddWithValue("at", entry.At.UtcDateTime);
                command.Parameters.AddWithValue("actor", entry.Actor);
                command.Parameters.AddWithValue("role", PgRead.Value(entry.Role));
                command.Parameters.AddWithValue("method", entry.Method);
                command.Parameters.AddWithValue("path", entry.Path);
                command.Parameters.AddWithValue("status", entry.Status);
                command.Parameters.AddWithValue("detail", PgRead.Value(entry.Detail));
                command.Parameters.AddWithValue("remote", PgRead.Value(entry.Remote));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = store.DataSource.CreateCommand("""
            SELECT id, at, actor, role, method, path, status, detail, remote FROM audit_log
            WHERE at >= @from AND at <= @to AND (@actor::text IS NULL OR strpos(lower(actor), lower(@actor::text)) > 0)
            ORDER BY at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("from", query.From.UtcDateTime);
        command.Parameters.AddWithValue("to", query.To.UtcDateTime);
        command.Parameters.AddWithValue("actor", PgRead.Value(query.Actor));
        command.Parameters.AddWithValue("limit", query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AuditEntry
            {
                Id = reader.GetInt64(0),
                At = PgRead.Time(reader, 1),
                Actor = reader.GetString(2),
                Role = PgRead.Text(reader, 3),
                Method = reader.GetString(4),
                Path = reader.GetString(5),
                Status = reader.GetInt32(6),
                Detail = PgRead.Text(reader, 7),
                Remote = PgRead.Text(reader, 8),
            });
        }

        return rows;
    }
}
