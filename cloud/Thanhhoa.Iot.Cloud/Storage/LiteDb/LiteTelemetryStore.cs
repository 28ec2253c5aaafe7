using System.Runtime.CompilerServices;
using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Readings and events in LiteDB. Readings are kept as blocks (one document per device, hour and message)
/// deduplicated by each device's sequence ledger (<see cref="BlockAppender"/>); events one document each,
/// deduplicated by the document id (device + sequence), their numbers added to the same ledger (one sequence
/// space per gateway, as in the PostgreSQL store).
/// </summary>
public sealed class LiteTelemetryStore(LiteDbStore store) : ITelemetryStore
{
    public Task<AppendResult> AppendReadingsAsync(IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var devices = readings.GroupBy(r => r.DeviceId, StringComparer.Ordinal).ToList();
        return store.Writer.WriteAsync(
            db => devices.Aggregate(
                default(AppendResult),
                (sum, device) => sum + BlockAppender.Append(db, store.DeviceRows, device.Key, device.ToList(), device.Min(r => r.ReceivedAt), change: null).Appended),
            cancellationToken);
    }

    public Task<AppendResult> AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var docs = events.Select(TelemetryDocuments.From).ToList();
        return store.Writer.WriteAsync(
            db =>
            {
                var appended = InsertNew(db.GetCollection(LiteDbStore.Events), docs);
                foreach (var device in events.GroupBy(e => e.DeviceId, StringComparer.Ordinal))
                {
                    BlockAppender.MarkStored(db, store.DeviceRows, device.Key, device.Select(e => e.Seq), device.Min(e => e.ReceivedAt));
                }

                return appended;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredReading>> QueryReadingsAsync(TelemetryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(ReadingBlock.Select(BlocksOf(query), query));
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

    public async IAsyncEnumerable<StoredEvent> EventsSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var doc in store.Database.GetCollection(LiteDbStore.Events).Find(LiteQuery.GTE("t", since.UtcTicks)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return TelemetryDocuments.ToEvent(doc);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    internal static AppendResult InsertNew(ILiteCollection<BsonDocument> collection, List<BsonDocument> docs)
    {
        var existing = ExistingIds(collection, docs);
        var fresh = new List<BsonDocument>(docs.Count);
        foreach (var doc in docs)
        {
            // Add() also drops a second copy of the same (device, sequence) inside this batch.
            if (existing.Add(doc["_id"].AsString))
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

    /// <summary>
    /// Ids already stored among the batch's, found with one id-range scan per device (a batch's sequence
    /// numbers are close together) instead of one lookup per row, which costs LiteDB far more.
    /// </summary>
    private static HashSet<string> ExistingIds(ILiteCollection<BsonDocument> collection, List<BsonDocument> docs)
    {
        var wanted = docs.Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in docs.GroupBy(d => d[LiteDbKeys.Device].AsString))
        {
            var ids = device.Select(d => d["_id"].AsString).ToList();
            var low = ids.Min(StringComparer.Ordinal)!;
            var high = ids.Max(StringComparer.Ordinal)!;
            foreach (var found in collection.Find(LiteQuery.Between("_id", low, high)))
            {
                var id = found["_id"].AsString;
                if (wanted.Contains(id))
                {
                    existing.Add(id);
                }
            }
        }

        return existing;
    }

    /// <summary>
    /// The blocks a query needs, in hour order, stopping after the hour in which the limit was reached:
    /// blocks of one hour may overlap in time (one per message), blocks of a later hour never come earlier.
    /// </summary>
    private List<ReadingBlock> BlocksOf(TelemetryQuery query)
    {
        var (firstHour, lastHour) = ReadingBlock.Hours(query);
        var (low, high) = LiteDbKeys.TimeRange(query.DeviceId, firstHour, lastHour);
        var docs = store.Database.GetCollection(LiteDbStore.ReadingBlocks).Query()
            .Where(LiteQuery.Between("_id", low, high))
            .OrderBy("_id")
            .ToEnumerable();
        var blocks = new List<ReadingBlock>();
        var found = 0;
        DateTimeOffset? hour = null;
        foreach (var doc in docs)
        {
            var blockHour = BlockDocuments.HourOf(doc);
            if (blockHour != hour && found >= query.Limit)
            {
                break;
            }

            hour = blockHour;
            if (query.Channel is null || BlockDocuments.HasChannel(doc, query.Channel))
            {
                var block = BlockDocuments.ToBlock(doc);
                blocks.Add(block);
                found += block.Readings.Count(r => Matches(r, query));
            }
        }

        return blocks;
    }

    private static bool Matches(StoredReading r, TelemetryQuery query) =>
        r.Timestamp >= query.From && r.Timestamp <= query.To && (query.Channel is null || string.Equals(r.Channel, query.Channel, StringComparison.Ordinal));

    private List<BsonDocument> Range(string collectionName, string field, string prefix, TelemetryQuery query, int limit)
    {
        var (low, high) = LiteDbKeys.TimeRange(prefix, query.From, query.To);
        return store.Database.GetCollection(collectionName)
            .Query()
            .Where(LiteQuery.Between(field, low, high))
            .OrderBy(field)
            .Limit(limit)
            .ToList();
    }
}
