using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Observed spans in the node's LiteDB (collection <c>observed_spans</c>).</summary>
public sealed class LiteObservationStore : IObservationStore
{
    private const string Collection = "observed_spans";
    private readonly LiteDbStore _store;

    public LiteObservationStore(LiteDbStore store)
    {
        _store = store;
        store.Database.GetCollection(Collection).EnsureIndex(LiteDbKeys.DeviceTime, "$." + LiteDbKeys.DeviceTime);
    }

    public Task AppendManyAsync(string deviceId, IReadOnlyList<ObservedSpan> spans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var docs = spans.Select(s => new BsonDocument
        {
            [LiteDbKeys.Device] = deviceId,
            ["s"] = s.Start.UtcTicks,
            ["e"] = s.End.UtcTicks,
            [LiteDbKeys.DeviceTime] = LiteDbKeys.ByTime(deviceId, s.Start, 0),
        }).ToList();
        return _store.Writer.WriteAsync(db => db.GetCollection(Collection, BsonAutoId.Int64).InsertBulk(docs), cancellationToken);
    }

    public Task<IReadOnlyList<ObservedSpan>> QueryAsync(string deviceId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(Query(deviceId, since));

    public Task<ILookup<string, ObservedSpan>> AllAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(_store.Database.GetCollection(Collection).Find(LiteQuery.GTE("s", since.UtcTicks))
            .ToLookup(d => d[LiteDbKeys.Device].AsString, ToSpan, StringComparer.Ordinal));

    private IReadOnlyList<ObservedSpan> Query(string deviceId, DateTimeOffset since)
    {
        var (low, _) = LiteDbKeys.TimeRange(deviceId, since, since);
        var (_, high) = LiteDbKeys.TimeRange(deviceId, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
        return _store.Database.GetCollection(Collection).Find(LiteQuery.Between(LiteDbKeys.DeviceTime, low, high)).Select(ToSpan).OrderBy(s => s.Start).ToList();
    }

    private static ObservedSpan ToSpan(BsonDocument d) =>
        new(new DateTimeOffset(d["s"].AsInt64, TimeSpan.Zero), new DateTimeOffset(d["e"].AsInt64, TimeSpan.Zero));
}
