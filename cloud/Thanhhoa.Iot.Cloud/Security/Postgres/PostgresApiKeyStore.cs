using Npgsql;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary>API keys in PostgreSQL (table <c>api_keys</c>), shared by every cloud node.</summary>
public sealed class PostgresApiKeyStore(PostgresStore store) : IApiKeyStore
{
    private const string Columns = "id, name, role, sites, hash, created_at, created_by, revoked_at";

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command(
                    $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @role, @sites, @hash, @created, @by, NULL)", connection, tx);
                command.Parameters.AddWithValue("id", key.Id);
                command.Parameters.AddWithValue("name", key.Name);
                command.Parameters.AddWithValue("role", key.Role.ToString());
                command.Parameters.AddWithValue("sites", key.Sites.ToArray());
                command.Parameters.AddWithValue("hash", key.Hash);
                command.Parameters.AddWithValue("created", key.CreatedAt.UtcDateTime);
                command.Parameters.AddWithValue("by", PgRead.Value(key.CreatedBy));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var all = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(Read(reader));
        }

        return all;
    }

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id", connection, tx);
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("at", at.UtcDateTime);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    private static ApiKey Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Name = r.GetString(1),
        Role = Enum.Parse<ApiRole>(r.GetString(2)),
        Sites = r.GetFieldValue<string[]>(3),
        Hash = r.GetString(4),
        CreatedAt = PgRead.Time(r, 5),
        CreatedBy = PgRead.Text(r, 6),
        RevokedAt = PgRead.OptionalTime(r, 7),
    };
}
