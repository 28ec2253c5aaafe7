using Npgsql;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>The few shapes every PostgreSQL store repeats: read rows, or run one statement in a (retried) transaction.</summary>
internal static class PgQuery
{
    /// <summary>Runs <paramref name="sql"/> on a pooled connection and maps every row.</summary>
    public static async Task<List<T>> ReadAsync<T>(
        this PostgresStore store, string sql, Action<NpgsqlParameterCollection>? bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        bind?.Invoke(command.Parameters);
        return await ReadAsync(command, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Executes <paramref name="command"/> and maps every row.</summary>
    public static async Task<List<T>> ReadAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs one statement in its own transaction (retried on deadlock); returns the rows it affected.</summary>
    public static Task<int> ExecuteAsync(this PostgresStore store, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken) =>
        store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command(sql, connection, tx);
                bind(command.Parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
}
