using System.Globalization;
using Npgsql;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Keeps daily <c>reading_blocks</c> partitions (by block hour) ready from <see cref="PostgresStorageOptions.PartitionDaysBehind"/>
/// days ago to <see cref="PostgresStorageOptions.PartitionDaysAhead"/> days ahead, and drops whole
/// partitions older than <see cref="PostgresStorageOptions.RetentionDays"/> (a DROP TABLE, not a DELETE
/// of millions of rows). Blocks outside the prepared days wait in the default partition; making a
/// partition moves the default partition's blocks of that day into it in the same transaction.
/// </summary>
internal sealed class PartitionMaintenance(PostgresStore store, PostgresStorageOptions options, TimeProvider time)
{
    private const string Prefix = "reading_blocks_p";

    /// <summary>Makes missing partitions and drops expired ones; returns (created, dropped).</summary>
    public async Task<(int Created, int Dropped)> RunAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var existing = await ExistingDaysAsync(connection, cancellationToken).ConfigureAwait(false);
        var created = 0;
        for (var day = today.AddDays(-options.PartitionDaysBehind); day <= today.AddDays(options.PartitionDaysAhead); day = day.AddDays(1))
        {
            if (!existing.Contains(day) && !Expired(day, today))
            {
                await CreateAsync(connection, day, cancellationToken).ConfigureAwait(false);
                created++;
            }
        }

        var dropped = 0;
        foreach (var day in existing.Where(d => Expired(d, today)))
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Name(day)}", cancellationToken).ConfigureAwait(false);
            dropped++;
        }

        if (options.RetentionDays > 0)
        {
            await using var purge = new NpgsqlCommand("DELETE FROM reading_blocks_default WHERE hour < @horizon", connection);
            purge.Parameters.AddWithValue("horizon", Horizon(today).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (created, dropped);
    }

    /// <summary>Runs on a pooled connection (the singleton maintenance job).</summary>
    public async Task<(int Created, int Dropped)> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public static string Name(DateOnly day) => Prefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private DateOnly Horizon(DateOnly today) => today.AddDays(-options.RetentionDays);

    // A day is expired when all of it lies before the retention horizon.
    private bool Expired(DateOnly day, DateOnly today) => options.RetentionDays > 0 && day.AddDays(1) <= Horizon(today);

    private static async Task CreateAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        var name = Name(day);
        var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"""
            CREATE TABLE {name} (LIKE reading_blocks INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
            WITH moved AS (DELETE FROM reading_blocks_default WHERE hour >= '{from} 00:00:00+00' AND hour < '{to} 00:00:00+00' RETURNING *)
                INSERT INTO {name} SELECT * FROM moved;
            ALTER TABLE reading_blocks ATTACH PARTITION {name} FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00');
            """;
        await using (var command = new NpgsqlCommand(sql, connection, tx))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<DateOnly>> ExistingDaysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'reading_blocks'::regclass AND c.relname LIKE 'reading\_blocks\_p%'
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var days = new HashSet<DateOnly>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DateOnly.TryParseExact(reader.GetString(0)[Prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
