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
        return store.ExecuteAsync(
            $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @role, @sites, @hash, @created, @by, NULL)",
            p =>
            {
                p.AddWithValue("id", key.Id);
                p.AddWithValue("name", key.Name);
                p.AddWithValue("role", key.Role.ToString());
                p.AddWithValue("sites", key.Sites.ToArray());
                p.AddWithValue("hash", key.Hash);
                p.AddWithValue("created", key.CreatedAt.UtcDateTime);
                p.AddWithValue("by", PgRead.Value(key.CreatedBy));
            },
            cancellationToken);
    }

    public async Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadAsync($"SELECT {Columns} FROM api_keys WHERE id = @id", p => p.AddWithValue("id", id), Read, cancellationToken).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync($"SELECT {Columns} FROM api_keys ORDER BY created_at, id", null, Read, cancellationToken).ConfigureAwait(false);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await store.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id",
            p =>
            {
                p.AddWithValue("id", id);
                p.AddWithValue("at", at.UtcDateTime);
            },
            cancellationToken).ConfigureAwait(false) == 1;

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
