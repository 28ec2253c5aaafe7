using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Commands.Postgres;

/// <summary>
/// Commands in PostgreSQL (table <c>commands</c>), shared by every cloud node: any node creates, delivers,
/// completes and expires them. Read-modify-write goes through <c>SELECT … FOR UPDATE</c> in one transaction,
/// so two nodes handling the same command (a result on one, the sweep on the other) never lose a change.
/// </summary>
public sealed class PostgresCommandStore(PostgresStore store) : ICommandStore
{
    private const string Select = "SELECT doc FROM commands";

    public Task InsertAsync(IReadOnlyList<CommandRecord> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                var batch = new NpgsqlBatch(connection, tx);
                await using (batch.ConfigureAwait(false))
                {
                    foreach (var c in commands)
                    {
                        var insert = new NpgsqlBatchCommand(
                            "INSERT INTO commands (id, device_id, state, batch_id, created_at, expires_at, publishes, doc) " +
                            "VALUES (@id, @device, @state, @batch, @created, @expires, @publishes, @doc)");
                        Bind(insert.Parameters, c);
                        batch.BatchCommands.Add(insert);
                    }

                    return commands.Count == 0 ? 0 : await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public async Task<CommandRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"{Select} WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<CommandRecord>> QueryAsync(CommandQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = store.DataSource.CreateCommand(
            $"{Select} WHERE (@device::text IS NULL OR device_id = @device) AND (@state::smallint IS NULL OR state = @state) " +
            "AND (@batch::text IS NULL OR batch_id = @batch) AND (@from::timestamptz IS NULL OR created_at >= @from) " +
            "AND (@to::timestamptz IS NULL OR created_at <= @to) ORDER BY created_at DESC, id DESC LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter("device", NpgsqlDbType.Text) { Value = (object?)query.DeviceId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Smallint) { Value = query.Status is { } s ? (short)s : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Text) { Value = (object?)query.BatchId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = query.From is { } f ? f.UtcDateTime : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = query.To is { } t ? t.UtcDateTime : DBNull.Value });
        command.Parameters.AddWithValue("limit", query.Limit);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public Task<(CommandRecord? Before, CommandRecord? After)> UpdateAsync(string id, Func<CommandRecord, CommandRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                var before = (await LockAsync(connection, tx, "id = @id", p => p.AddWithValue("id", id), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
                var after = before is null ? null : change(before);
                if (after is not null)
                {
                    await WriteAsync(connection, tx, [after], cancellationToken).ConfigureAwait(false);
                }

                return (before, after);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<CommandRecord>> ListDeliverableAsync(string deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"{Select} WHERE device_id = @device AND state = 0 AND expires_at > @now ORDER BY created_at, id");
        command.Parameters.AddWithValue("device", deviceId);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return Due(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false), now);
    }

    public async Task<IReadOnlyList<CommandRecord>> ListDueUnpublishedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"{Select} WHERE state = 0 AND publishes = 0 AND expires_at > @now ORDER BY created_at, id");
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return Due(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false), now);
    }

    public Task<IReadOnlyList<CommandRecord>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        store.InTransactionAsync<IReadOnlyList<CommandRecord>>(
            async (connection, tx) =>
            {
                var due = await LockAsync(connection, tx, "state IN (0, 1) AND expires_at <= @now", p => p.AddWithValue("now", now.UtcDateTime), cancellationToken)
                    .ConfigureAwait(false);
                var expired = due.Select(c => c with { Status = CommandState.Expired, CompletedAt = now }).ToList();
                await WriteAsync(connection, tx, expired, cancellationToken).ConfigureAwait(false);
                return expired;
            },
            cancellationToken);

    public async Task<IReadOnlyDictionary<CommandState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<CommandState>().ToDictionary(s => s, _ => 0);
        await using var command = store.DataSource.CreateCommand("SELECT state, count(*) FROM commands GROUP BY state");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[(CommandState)reader.GetInt16(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    public Task<IReadOnlyList<CommandRecord>> MarkPublishedAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync<IReadOnlyList<CommandRecord>>(
            async (connection, tx) =>
            {
                var found = await LockAsync(connection, tx, "id = ANY(@ids)", p => p.AddWithValue("ids", ids.ToArray()), cancellationToken).ConfigureAwait(false);
                var updated = found.Select(c => c with { PublishedAt = at, Publishes = c.Publishes + 1 }).ToList();
                await WriteAsync(connection, tx, updated, cancellationToken).ConfigureAwait(false);
                return updated;
            },
            cancellationToken);

    public Task<IReadOnlyList<(CommandRecord Before, CommandRecord After)>> MarkDeliveredAsync(
        IReadOnlyList<(string DeviceId, string Id)> acknowledged, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync<IReadOnlyList<(CommandRecord, CommandRecord)>>(
            async (connection, tx) =>
            {
                var ids = acknowledged.Select(a => a.Id).ToArray();
                var found = await LockAsync(connection, tx, "id = ANY(@ids) AND state = 0", p => p.AddWithValue("ids", ids), cancellationToken).ConfigureAwait(false);
                var devices = acknowledged.ToHashSet();
                var changed = found.Where(c => devices.Contains((c.DeviceId, c.Id)))
                    .Select(c => (c, c with { Status = CommandState.Delivered, DeliveredAt = at })).ToList();
                await WriteAsync(connection, tx, changed.Select(x => x.Item2).ToList(), cancellationToken).ConfigureAwait(false);
                return changed;
            },
            cancellationToken);

    // NotBefore lives only in the document: the few pending commands of a device are filtered here.
    private static List<CommandRecord> Due(IReadOnlyList<CommandRecord> pending, DateTimeOffset now) =>
        pending.Where(c => c.NotBefore is null || c.NotBefore <= now).ToList();

    private static async Task<IReadOnlyList<CommandRecord>> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string where, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        // Ordered by id so two transactions locking overlapping sets take the locks in the same order (no deadlock).
        await using var command = PostgresStore.Command($"{Select} WHERE {where} ORDER BY id FOR UPDATE", connection, tx);
        bind(command.Parameters);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<CommandRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection, tx);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var c in records)
            {
                var update = new NpgsqlBatchCommand(
                    "UPDATE commands SET device_id = @device, state = @state, batch_id = @batch, created_at = @created, " +
                    "expires_at = @expires, publishes = @publishes, doc = @doc WHERE id = @id");
                Bind(update.Parameters, c);
                batch.BatchCommands.Add(update);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Bind(NpgsqlParameterCollection p, CommandRecord c)
    {
        p.AddWithValue("id", c.Id);
        p.AddWithValue("device", c.DeviceId);
        p.AddWithValue("state", (short)c.Status);
        p.Add(new NpgsqlParameter("batch", NpgsqlDbType.Text) { Value = (object?)c.BatchId ?? DBNull.Value });
        p.AddWithValue("created", c.CreatedAt.UtcDateTime);
        p.AddWithValue("expires", c.Expires.UtcDateTime);
        p.AddWithValue("publishes", c.Publishes);
        p.Add(new NpgsqlParameter("doc", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(c, CommandDocumentJson.Default.CommandRecord) });
    }

    private static async Task<IReadOnlyList<CommandRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        await command.ReadAsync(r => JsonSerializer.Deserialize(r.GetString(0), CommandDocumentJson.Default.CommandRecord)!, cancellationToken).ConfigureAwait(false);
}
