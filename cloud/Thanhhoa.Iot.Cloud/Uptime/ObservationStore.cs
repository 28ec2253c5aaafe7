using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Spans a gateway's buffered readings cover (collection <c>observed_spans</c>), recorded when they arrive after a
/// link gap, so the ledger can count that time as known without re-reading the readings themselves.
/// </summary>
public sealed class ObservationStore
{
    private const string Collection = "observed_spans";
    private readonly LiteDbStore _store;

    public ObservationStore(LiteDbStore store)
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

    /// <summary>One device's spans that start at or after <paramref name="since"/>.</summary>
    public IReadOnlyList<ObservedSpan> Query(string deviceId, DateTimeOffset since)
    {
        var (low, _) = LiteDbKeys.TimeRange(deviceId, since, since);
        var (_, high) = LiteDbKeys.TimeRange(deviceId, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
        return _store.Database.GetCollection(Collection).Find(LiteDB.Query.Between(LiteDbKeys.DeviceTime, low, high)).Select(ToSpan).ToList();
    }

    /// <summary>Every device's spans that start at or after <paramref name="since"/>, in one pass.</summary>
    public ILookup<string, ObservedSpan> All(DateTimeOffset since) =>
        _store.Database.GetCollection(Collection).Find(LiteDB.Query.GTE("s", since.UtcTicks))
            .ToLookup(d => d[LiteDbKeys.Device].AsString, ToSpan, StringComparer.Ordinal);

    private static ObservedSpan ToSpan(BsonDocument d) =>
        new(new DateTimeOffset(d["s"].AsInt64, TimeSpan.Zero), new DateTimeOffset(d["e"].AsInt64, TimeSpan.Zero));
}
