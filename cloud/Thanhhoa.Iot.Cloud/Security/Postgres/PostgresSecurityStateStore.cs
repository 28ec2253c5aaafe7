using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary><see cref="ISecurityStateStore"/> in PostgreSQL (table <c>security_state</c>).</summary>
public sealed class PostgresSecurityStateStore(PostgresStore store) : ISecurityStateStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT value FROM security_state WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command(
                    "INSERT INTO security_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", connection, tx);
                command.Parameters.AddWithValue("key", key);
                command.Parameters.AddWithValue("value", value);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
}
