using Npgsql;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>
/// Link history in PostgreSQL (table <c>link_history</c>), shared by every node: the node that ingested a birth or
/// death writes it once; the others read it (the ledger) and poll it (<see cref="ClusterLiveView"/>).
/// </summary>
public sealed class PostgresLinkHistoryStore(PostgresStore store, TimeProvider time) : ILinkHistoryStore
{
    private const string LastBefore = "SELECT DISTINCT ON (device_id) device_id, at_ticks, online FROM link_history";

    public Task AppendAsync(string deviceId, LinkChange change, CancellationToken cancellationToken) =>
        AppendManyAsync(deviceId, [change], cancellationToken);

    public Task AppendManyAsync(string deviceId, IReadOnlyList<LinkChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return store.ExecuteAsync(
            "INSERT INTO link_history (device_id, at_ticks, online, recorded_at) " +
            "SELECT @d, t, o, @now FROM unnest(@t::bigint[], @o::boolean[]) WITH ORDINALITY AS x(t, o, n) ORDER BY n",
            p =>
            {
                p.AddWithValue("d", deviceId);
                p.AddWithValue("t", changes.Select(c => c.At.UtcTicks).ToArray());
                p.AddWithValue("o", changes.Select(c => c.Online).ToArray());
                p.AddWithValue("now", time.GetUtcNow().UtcDateTime);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<LinkChange>> QueryAsync(string deviceId, DateTimeOffset from, CancellationToken cancellationToken) =>
        await store.ReadAsync(
            "(SELECT at_ticks, online, id FROM link_history WHERE device_id = @d AND at_ticks < @f ORDER BY at_ticks DESC, id DESC LIMIT 1) " +
            "UNION ALL (SELECT at_ticks, online, id FROM link_history WHERE device_id = @d AND at_ticks >= @f) ORDER BY at_ticks, id",
            p =>
            {
                p.AddWithValue("d", deviceId);
                p.AddWithValue("f", from.UtcTicks);
            },
            r => Change(r, 0),
            cancellationToken).ConfigureAwait(false);

    public async Task<ILookup<string, LinkChange>> AllAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await store.ReadAsync(
            $"SELECT device_id, at_ticks, online FROM link_history WHERE at_ticks >= @s " +
            $"UNION ALL (SELECT device_id, at_ticks, online FROM ({LastBefore} WHERE at_ticks < @s ORDER BY device_id, at_ticks DESC, id DESC) b)",
            p => p.AddWithValue("s", since.UtcTicks),
            r => (Device: r.GetString(0), Change: Change(r, 1)),
            cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(x => x.Change.At).ToLookup(x => x.Device, x => x.Change, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastChangeOnlineAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ReadAsync(
            $"SELECT device_id, at_ticks, online FROM ({LastBefore} ORDER BY device_id, at_ticks DESC, id DESC) l WHERE online",
            null,
            r => (Device: r.GetString(0), Change: Change(r, 1)),
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(x => x.Device, x => x.Change.At, StringComparer.Ordinal);
    }

    /// <summary>Rows any node recorded since <paramref name="since"/> (by the writer's clock), for the live view.</summary>
    internal Task<List<(long Id, string Device, LinkChange Change)>> RecordedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        store.ReadAsync(
            "SELECT id, device_id, at_ticks, online FROM link_history WHERE recorded_at >= @s ORDER BY id",
            p => p.AddWithValue("s", since.UtcDateTime),
            r => (r.GetInt64(0), r.GetString(1), Change(r, 2)),
            cancellationToken);

    private static LinkChange Change(NpgsqlDataReader r, int first) => new(new DateTimeOffset(r.GetInt64(first), TimeSpan.Zero), r.GetBoolean(first + 1));
}
