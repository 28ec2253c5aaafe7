using Npgsql;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>Observed spans in PostgreSQL (table <c>observed_spans</c>), shared by every node.</summary>
public sealed class PostgresObservationStore(PostgresStore store, TimeProvider time) : IObservationStore
{
    public Task AppendManyAsync(string deviceId, IReadOnlyList<ObservedSpan> spans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return Task.CompletedTask;
        }

        return store.ExecuteAsync(
            "INSERT INTO observed_spans (device_id, start_ticks, end_ticks, recorded_at) SELECT @d, s, e, @now FROM unnest(@s::bigint[], @e::bigint[]) AS x(s, e)",
            p =>
            {
                p.AddWithValue("d", deviceId);
                p.AddWithValue("s", spans.Select(s => s.Start.UtcTicks).ToArray());
                p.AddWithValue("e", spans.Select(s => s.End.UtcTicks).ToArray());
                p.AddWithValue("now", time.GetUtcNow().UtcDateTime);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<ObservedSpan>> QueryAsync(string deviceId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await store.ReadAsync(
            "SELECT start_ticks, end_ticks FROM observed_spans WHERE device_id = @d AND start_ticks >= @s ORDER BY start_ticks, id",
            p =>
            {
                p.AddWithValue("d", deviceId);
                p.AddWithValue("s", since.UtcTicks);
            },
            r => Span(r, 0),
            cancellationToken).ConfigureAwait(false);

    public async Task<ILookup<string, ObservedSpan>> AllAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        (await store.ReadAsync(
            "SELECT device_id, start_ticks, end_ticks FROM observed_spans WHERE start_ticks >= @s ORDER BY start_ticks, id",
            p => p.AddWithValue("s", since.UtcTicks),
            r => (Device: r.GetString(0), Span: Span(r, 1)),
            cancellationToken).ConfigureAwait(false)).ToLookup(x => x.Device, x => x.Span, StringComparer.Ordinal);

    /// <summary>Rows any node recorded since <paramref name="since"/> (by the writer's clock), for the live view.</summary>
    internal Task<List<(long Id, string Device, ObservedSpan Span)>> RecordedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        store.ReadAsync(
            "SELECT id, device_id, start_ticks, end_ticks FROM observed_spans WHERE recorded_at >= @s ORDER BY id",
            p => p.AddWithValue("s", since.UtcDateTime),
            r => (r.GetInt64(0), r.GetString(1), Span(r, 2)),
            cancellationToken);

    private static ObservedSpan Span(NpgsqlDataReader r, int first) =>
        new(new DateTimeOffset(r.GetInt64(first), TimeSpan.Zero), new DateTimeOffset(r.GetInt64(first + 1), TimeSpan.Zero));
}
