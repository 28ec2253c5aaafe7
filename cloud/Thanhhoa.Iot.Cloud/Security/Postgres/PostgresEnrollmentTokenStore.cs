using Npgsql;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary>Enrollment tokens in PostgreSQL (table <c>enrollment_tokens</c>).</summary>
public sealed class PostgresEnrollmentTokenStore(PostgresStore store) : IEnrollmentTokenStore
{
    internal const string Columns = "id, hash, site, created_at, expires_at, created_by, note, used_at, used_by, revoked_at";

    public Task AddAsync(EnrollmentToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return store.ExecuteAsync(
            $"INSERT INTO enrollment_tokens ({Columns}) VALUES (@id, @hash, @site, @created, @expires, @by, @note, NULL, NULL, NULL)",
            p =>
            {
                p.AddWithValue("id", token.Id);
                p.AddWithValue("hash", token.Hash);
                p.AddWithValue("site", PgRead.Value(token.Site));
                p.AddWithValue("created", token.CreatedAt.UtcDateTime);
                p.AddWithValue("expires", token.ExpiresAt.UtcDateTime);
                p.AddWithValue("by", PgRead.Value(token.CreatedBy));
                p.AddWithValue("note", PgRead.Value(token.Note));
            },
            cancellationToken);
    }

    public async Task<EnrollmentToken?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadAsync($"SELECT {Columns} FROM enrollment_tokens WHERE id = @id", p => p.AddWithValue("id", id), Read, cancellationToken).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<IReadOnlyList<EnrollmentToken>> ListAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync($"SELECT {Columns} FROM enrollment_tokens ORDER BY created_at, id", null, Read, cancellationToken).ConfigureAwait(false);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await store.ExecuteAsync(
            "UPDATE enrollment_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id AND used_at IS NULL",
            p =>
            {
                p.AddWithValue("id", id);
                p.AddWithValue("at", at.UtcDateTime);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    internal static EnrollmentToken Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Hash = r.GetString(1),
        Site = PgRead.Text(r, 2),
        CreatedAt = PgRead.Time(r, 3),
        ExpiresAt = PgRead.Time(r, 4),
        CreatedBy = PgRead.Text(r, 5),
        Note = PgRead.Text(r, 6),
        UsedAt = PgRead.OptionalTime(r, 7),
        UsedBy = PgRead.Text(r, 8),
        RevokedAt = PgRead.OptionalTime(r, 9),
    };
}
