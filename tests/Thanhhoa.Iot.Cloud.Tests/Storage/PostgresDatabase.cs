using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.TestSupport.Postgres;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>A fresh database in the shared test cluster, and stores opened on it.</summary>
public sealed class PostgresDatabase
{
    private PostgresDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(string prefix)
    {
        var cluster = await PostgresCluster.SharedAsync();
        return new PostgresDatabase(await cluster.CreateDatabaseAsync(prefix));
    }

    /// <summary>Opens the store (migrating the schema, as a node does on start).</summary>
    public async Task<PostgresStore> OpenAsync(TimeProvider? time = null, PostgresStorageOptions? options = null, IStoreWriteObserver? observer = null)
    {
        var store = new PostgresStore(ConnectionString, options ?? new PostgresStorageOptions(), time ?? new FakeTimeProvider(TestMessages.T0), observer);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
