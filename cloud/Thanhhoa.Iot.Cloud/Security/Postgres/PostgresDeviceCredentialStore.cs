using Npgsql;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary>
/// Device credentials and site bindings in PostgreSQL. Enrollment locks the token row (<c>FOR UPDATE</c>),
/// so two nodes presented the same token at once serialise on it and only one device is enrolled.
/// </summary>
public sealed class PostgresDeviceCredentialStore(PostgresStore store) : IDeviceCredentialStore
{
    private const string Columns = "device_id, hash, site, enrolled_at, token_id, revoked_at, revoked_reason";

    public async Task<DeviceCredential?> FindAsync(string deviceId, CancellationToken cancellationToken) =>
        (await store.ReadAsync($"SELECT {Columns} FROM device_credentials WHERE device_id = @id", p => p.AddWithValue("id", deviceId), Read, cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public async Task<IReadOnlyList<DeviceCredential>> ListAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync($"SELECT {Columns} FROM device_credentials ORDER BY device_id COLLATE \"C\"", null, Read, cancellationToken).ConfigureAwait(false);

    public async Task<string?> DeviceAtSiteAsync(string site, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT device_id FROM site_bindings WHERE site = @site");
        command.Parameters.AddWithValue("site", site);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public Task<EnrollmentOutcome> EnrollAsync(EnrollmentCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return store.InTransactionAsync((connection, tx) => EnrollAsync(connection, tx, commit, cancellationToken), cancellationToken);
    }

    public Task<DeviceCredential?> RevokeAsync(string deviceId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync((connection, tx) => RevokeAsync(connection, tx, deviceId, reason, at, cancellationToken), cancellationToken);

    private static async Task<EnrollmentOutcome> EnrollAsync(NpgsqlConnection connection, NpgsqlTransaction tx, EnrollmentCommit commit, CancellationToken ct)
    {
        EnrollmentToken? token;
        await using (var select = PostgresStore.Command($"SELECT {PostgresEnrollmentTokenStore.Columns} FROM enrollment_tokens WHERE id = @id FOR UPDATE", connection, tx))
        {
            select.Parameters.AddWithValue("id", commit.TokenId);
            await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
            token = await reader.ReadAsync(ct).ConfigureAwait(false) ? PostgresEnrollmentTokenStore.Read(reader) : null;
        }

        if (token is null)
        {
            return new EnrollmentOutcome(EnrollmentTokenState.Valid, TokenFound: false, null);
        }

        var state = token.StateAt(commit.At);
        if (state != EnrollmentTokenState.Valid)
        {
            return new EnrollmentOutcome(state, TokenFound: true, null);
        }

        var credential = commit.Credential;
        await using (var write = PostgresStore.Command($"""
            UPDATE enrollment_tokens SET used_at = @at, used_by = @device WHERE id = @token;
            INSERT INTO device_credentials ({Columns}) VALUES (@device, @hash, @site, @at, @token, NULL, NULL)
            """, connection, tx))
        {
            write.Parameters.AddWithValue("at", commit.At.UtcDateTime);
            write.Parameters.AddWithValue("device", credential.DeviceId);
            write.Parameters.AddWithValue("token", commit.TokenId);
            write.Parameters.AddWithValue("hash", credential.Hash);
            write.Parameters.AddWithValue("site", PgRead.Value(credential.Site));
            await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var replaced = credential.Site is { } site ? await MoveSiteAsync(connection, tx, site, credential.DeviceId, commit.At, ct).ConfigureAwait(false) : null;
        return new EnrollmentOutcome(EnrollmentTokenState.Valid, TokenFound: true, replaced);
    }

    private static async Task<string?> MoveSiteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string site, string deviceId, DateTimeOffset at, CancellationToken ct)
    {
        string? previous;
        await using (var select = PostgresStore.Command("SELECT device_id FROM site_bindings WHERE site = @site FOR UPDATE", connection, tx))
        {
            select.Parameters.AddWithValue("site", site);
            previous = await select.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        }

        var revoked = previous is null ? null : await RevokeAsync(connection, tx, previous, $"replaced by {deviceId} at site {site}", at, ct).ConfigureAwait(false);
        await using var bind = PostgresStore.Command("""
            INSERT INTO site_bindings (site, device_id, since) VALUES (@site, @device, @at)
                ON CONFLICT (site) DO UPDATE SET device_id = excluded.device_id, since = excluded.since
            """, connection, tx);
        bind.Parameters.AddWithValue("site", site);
        bind.Parameters.AddWithValue("device", deviceId);
        bind.Parameters.AddWithValue("at", at.UtcDateTime);
        await bind.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return revoked?.DeviceId;
    }

    private static async Task<DeviceCredential?> RevokeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string deviceId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        DeviceCredential? revoked;
        await using (var update = PostgresStore.Command($"""
            UPDATE device_credentials SET revoked_at = @at, revoked_reason = @reason WHERE device_id = @id AND revoked_at IS NULL RETURNING {Columns}
            """, connection, tx))
        {
            update.Parameters.AddWithValue("id", deviceId);
            update.Parameters.AddWithValue("reason", reason);
            update.Parameters.AddWithValue("at", at.UtcDateTime);
            await using var reader = await update.ExecuteReaderAsync(ct).ConfigureAwait(false);
            revoked = await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
        }

        if (revoked?.Site is { } site)
        {
            await using var unbind = PostgresStore.Command("DELETE FROM site_bindings WHERE site = @site AND device_id = @id", connection, tx);
            unbind.Parameters.AddWithValue("site", site);
            unbind.Parameters.AddWithValue("id", deviceId);
            await unbind.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return revoked;
    }

    private static DeviceCredential Read(NpgsqlDataReader r) => new()
    {
        DeviceId = r.GetString(0),
        Hash = r.GetString(1),
        Site = PgRead.Text(r, 2),
        EnrolledAt = PgRead.Time(r, 3),
        TokenId = PgRead.Text(r, 4),
        RevokedAt = PgRead.OptionalTime(r, 5),
        RevokedReason = PgRead.Text(r, 6),
    };
}
