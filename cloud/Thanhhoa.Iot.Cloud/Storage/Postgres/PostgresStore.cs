using System.Diagnostics;
using Npgsql;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The cloud's PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> that every store uses,
/// the schema migrations and partition maintenance run on open, and short write transactions that
/// are retried when PostgreSQL picks them as a deadlock or serialization victim.
/// </summary>
public sealed class PostgresStore : IStoreHealth, IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly IStoreWriteObserver? _observer;
    private readonly TimeProvider _time;

    public PostgresStore(string connectionString, PostgresStorageOptions options, TimeProvider time, IStoreWriteObserver? observer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "thiot-cloud";

        // The same few statements run thousands of times a second: prepare them once per connection.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        DataSource = builder.Build();
        Options = options;
        _time = time;
        _observer = observer;
        Partitions = new PartitionMaintenance(this, options, time);
    }

    /// <summary>Where the data is, without the password (for the startup banner and logs).</summary>
    public string Description => DescribeWithoutSecrets(DataSource.ConnectionString);

    internal NpgsqlDataSource DataSource { get; }

    internal PostgresStorageOptions Options { get; }

    internal PartitionMaintenance Partitions { get; }

    /// <summary>The device rows this node wrote or read, by version (one node, one store: shared by its writers and its dashboard).</summary>
    internal DeviceRowVersions RowVersions { get; } = new();

    /// <summary>Applies pending migrations and makes the partitions around today (safe when several nodes start at once).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresMigrator.MigrateAsync(
            connection,
            PostgresMigrations.All,
            c => Partitions.RunAsync(c, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public Task ProbeWriteAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (c, tx) =>
            {
                await using var command = new NpgsqlCommand(
                    "INSERT INTO store_health (node, at) VALUES (@n, @at) ON CONFLICT (node) DO UPDATE SET at = excluded.at", c, tx);
                command.Parameters.AddWithValue("n", Environment.MachineName);
                command.Parameters.AddWithValue("at", _time.GetUtcNow());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>The connection string with its password left out.</summary>
    public static string DescribeWithoutSecrets(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database} as {b.Username}";
    }

    /// <summary>Runs <paramref name="work"/> in a transaction and commits; retried on deadlock or serialization failure.</summary>
    /// <remarks><paramref name="work"/> may run more than once and must have no effect outside the database.</remarks>
    internal Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        InTransactionAsync(work, 1, cancellationToken);

    /// <summary>As above, for a commit that carries <paramref name="requests"/> callers' writes (reported to the write observer).</summary>
    internal async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, int requests, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var result = await work(connection, tx).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                _observer?.Committed(requests, Stopwatch.GetElapsedTime(started));
                return result;
            }
            catch (PostgresException ex) when (IsTransient(ex) && attempt < MaxAttempts)
            {
                // Chosen as a deadlock or serialization victim: nothing was committed, so run it again.
            }
        }
    }

    internal static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction? tx = null) => new(sql, connection, tx);

    private static bool IsTransient(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable;
}
