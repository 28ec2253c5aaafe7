using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>Readings and events in LiteDB; dedup by the document id (device + sequence).</summary>
public sealed class LiteTelemetryStore(LiteDbStore store) : ITelemetryStore
{
    public Task<AppendResult> AppendReadingsAsync(IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var docs = readings.Select(TelemetryDocuments.From).ToList();
        return store.Writer.WriteAsync(db => InsertNew(db.GetCollection(LiteDbStore.Readings), docs), cancellationToken);
    }

    public Task<AppendResult> AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var docs = events.Select(TelemetryDocuments.From).ToList();
        return store.Writer.WriteAsync(db => InsertNew(db.GetCollection(LiteDbStore.Events), docs), cancellationToken);
    }

    public Task<IReadOnlyList<StoredReading>> QueryReadingsAsync(TelemetryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (field, prefix) = query.Channel is null
            ? (LiteDbKeys.DeviceTime, query.DeviceId)
            : (LiteDbKeys.DeviceChannelTime, $"{query.DeviceId}|{query.Channel}");
        var docs = Range(LiteDbStore.Readings, field, prefix, query, query.Limit);
        return Task.FromResult<IReadOnlyList<StoredReading>>(docs.Select(TelemetryDocuments.ToReading).ToList());
    }

    public Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(TelemetryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Events about one channel are rare enough to filter after the indexed time range.
        var docs = Range(LiteDbStore.Events, LiteDbKeys.DeviceTime, query.DeviceId, query, query.Channel is null ? query.Limit : int.MaxValue);
        var events = docs.Select(TelemetryDocuments.ToEvent);
        if (query.Channel is not null)
        {
            events = events.Where(e => e.Channel == query.Channel);
        }

        return Task.FromResult<IReadOnlyList<StoredEvent>>(events.Take(query.Limit).ToList());
    }

    private static AppendResult InsertNew(ILiteCollection<BsonDocument> collection, List<BsonDocument> docs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<BsonDocument>(docs.Count);
        foreach (var doc in docs)
        {
            var id = doc["_id"].AsString;
            if (seen.Add(id) && collection.FindById(id) is null)
            {
                fresh.Add(doc);
            }
        }

        if (fresh.Count > 0)
        {
            collection.InsertBulk(fresh);
        }

        return new AppendResult(fresh.Count, docs.Count - fresh.Count);
    }

    private List<BsonDocument> Range(string collectionName, string field, string prefix, TelemetryQuery query, int limit)
    {
        var (low, high) = LiteDbKeys.TimeRange(prefix, query.From, query.To);
        return store.Database.GetCollection(collectionName)
            .Query()
            .Where(Query.Between(field, low, high))
            .OrderBy(field)
            .Limit(limit)
            .ToList();
    }
}
