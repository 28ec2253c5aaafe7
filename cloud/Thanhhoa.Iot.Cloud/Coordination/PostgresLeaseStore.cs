using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// Leases in the <c>leases</c> table (one upsert decides, so two nodes never both hold one) and job
/// claims in <c>job_runs</c> (its primary key (job, period) admits one claim per period).
/// </summary>
public sealed class PostgresLeaseStore(PostgresStore store, TimeProvider time) : ILeaseStore
{
    private const string Acquire = """
        INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
        RETURNING holder
        """;


    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = store.DataSource.CreateCommand(Acquire);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        command.Parameters.AddWithValue("expires", (now + ttl).UtcDateTime);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("DELETE FROM leases WHERE name = @name AND holder = @holder");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Lease>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT name, holder, expires_at FROM leases WHERE starts_with(name, @prefix) ORDER BY name");
        command.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<Lease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new Lease(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return leases;
    }

    public async Task<bool> TryClaimRunAsync(string job, long period, string holder, CancellationToken cancellationToken)
    {
        await using var batch = store.DataSource.CreateBatch();
        var claim = new Npgsql.NpgsqlBatchCommand("INSERT INTO job_runs (job, period, holder, started_at) VALUES (@job, @period, @holder, @now) ON CONFLICT DO NOTHING");
        claim.Parameters.AddWithValue("job", job);
        claim.Parameters.AddWithValue("period", period);
        claim.Parameters.AddWithValue("holder", holder);
        claim.Parameters.AddWithValue("now", time.GetUtcNow().UtcDateTime);
        var prune = new Npgsql.NpgsqlBatchCommand("DELETE FROM job_runs WHERE job = @job AND period < @oldest");
        prune.Parameters.AddWithValue("job", job);
        prune.Parameters.AddWithValue("oldest", period - 1000);
        batch.BatchCommands.Add(claim);
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return claim.RecordsAffected == 1;
    }
}
