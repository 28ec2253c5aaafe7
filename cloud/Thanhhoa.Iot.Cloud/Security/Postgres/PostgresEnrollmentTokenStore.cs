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
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command(
                    $"INSERT INTO enrollment_tokens ({Columns}) VALUES (@id, @hash, @site, @created, @expires, @by, @note, NULL, NULL, NULL)", connection, tx);
                command.Parameters.AddWithValue("id", token.Id);
                command.Parameters.AddWithValue("hash", token.Hash);
                command.Parameters.AddWithValue("site", PgRead.Value(token.Site));
                command.Parameters.AddWithValue("created", token.CreatedAt.UtcDateTime);
                command.Parameters.AddWithValue("expires", token.ExpiresAt.UtcDateTime);
                command.Parameters.AddWithValue("by", PgRead.Value(token.CreatedBy));
                command.Parameters.AddWithValue("note", PgRead.Value(token.Note));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<EnrollmentToken?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {Columns} FROM enrollment_tokens WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<EnrollmentToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {Columns} FROM enrollment_tokens ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var all = new List<EnrollmentToken>();
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
                await using var command = PostgresStore.Command(
                    "UPDATE enrollment_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id AND used_at IS NULL", connection, tx);
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("at", at.UtcDateTime);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);

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
