using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>
/// One test database with the pools of two cloud nodes on it, for the PostgreSQL fixtures of the store suites:
/// created once per fixture, emptied before each test, pools closed after each.
/// </summary>
public sealed class PostgresNodes
{
    private readonly List<PostgresStore> _open = [];
    private readonly PostgresDatabase _db;
    private readonly string _tables;

    private PostgresNodes(PostgresDatabase db, string tables)
    {
        _db = db;
        _tables = tables;
    }

    /// <summary>A fresh database; <paramref name="tables"/> (comma separated) are the ones each test empties.</summary>
    public static async Task<PostgresNodes> CreateAsync(string prefix, string tables) => new(await PostgresDatabase.CreateAsync(prefix), tables);

    /// <summary>Migrates (opening a store does) and empties the tables.</summary>
    public async Task ResetAsync(TimeProvider? time = null)
    {
        await (await _db.OpenAsync(time)).DisposeAsync();
        await _db.ExecuteAsync($"TRUNCATE {_tables}");
    }

    /// <summary>Two nodes' stores (separate pools) on the database.</summary>
    public async Task<(PostgresStore A, PostgresStore B)> OpenTwoAsync(TimeProvider? time = null)
    {
        var a = await _db.OpenAsync(time);
        var b = await _db.OpenAsync(time);
        _open.Add(a);
        _open.Add(b);
        return (a, b);
    }

    public async Task CloseAllAsync()
    {
        foreach (var store in _open)
        {
            await store.DisposeAsync();
        }

        _open.Clear();
    }
}
