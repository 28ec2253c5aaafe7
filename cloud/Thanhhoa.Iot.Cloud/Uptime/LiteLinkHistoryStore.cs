using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Link history in the node's LiteDB (collection <c>link_history</c>).</summary>
public sealed class LiteLinkHistoryStore : ILinkHistoryStore
{
    private const string Collection = "link_history";
    private readonly LiteDbStore _store;

    public LiteLinkHistoryStore(LiteDbStore store)
    {
        _store = store;
        store.Database.GetCollection(Collection).EnsureIndex(LiteDbKeys.DeviceTime, "$." + LiteDbKeys.DeviceTime);
    }

    public Task AppendAsync(string deviceId, LinkChange change, CancellationToken cancellationToken) =>
        AppendManyAsync(deviceId, [change], cancellationToken);

    public Task AppendManyAsync(string deviceId, IReadOnlyList<LinkChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var docs = changes.Select(change => new BsonDocument
        {
            [LiteDbKeys.Device] = deviceId,
            ["t"] = change.At.UtcTicks,
            ["on"] = change.Online,
            [LiteDbKeys.DeviceTime] = LiteDbKeys.ByTime(deviceId, change.At, change.Online ? 1 : 0),
        }).ToList();
        return _store.Writer.WriteAsync(db => db.GetCollection(Collection, BsonAutoId.Int64).InsertBulk(docs), cancellationToken);
    }

    public Task<IReadOnlyList<LinkChange>> QueryAsync(string deviceId, DateTimeOffset from, CancellationToken cancellationToken) =>
        Task.FromResult(Query(deviceId, from));

    public Task<ILookup<string, LinkChange>> AllAsync(DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult(All(since));

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LastChangeOnlineAsync(CancellationToken cancellationToken) =>
        Task.FromResult(LastChangeOnline());

    private IReadOnlyList<LinkChange> Query(string deviceId, DateTimeOffset from)
    {
        var collection = _store.Database.GetCollection(Collection);
        var (low, _) = LiteDbKeys.TimeRange(deviceId, from, from);
        var (_, high) = LiteDbKeys.TimeRange(deviceId, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
        var (first, _) = LiteDbKeys.TimeRange(deviceId, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
        var before = collection.Query().Where(LiteQuery.Between(LiteDbKeys.DeviceTime, first, low)).OrderByDescending(LiteDbKeys.DeviceTime).Limit(1).ToList();
        var after = collection.Query().Where(LiteQuery.Between(LiteDbKeys.DeviceTime, low, high)).OrderBy(LiteDbKeys.DeviceTime).ToList();
        return before.Concat(after).DistinctBy(d => d["_id"]).Select(ToChange).OrderBy(c => c.At).ToList();
    }

    private ILookup<string, LinkChange> All(DateTimeOffset since)
    {
        var byDevice = _store.Database.GetCollection(Collection).FindAll()
            .GroupBy(d => d[LiteDbKeys.Device].AsString, ToChange, StringComparer.Ordinal);
        return byDevice.SelectMany(g =>
            {
                var ordered = g.OrderBy(c => c.At).ToList();
                var before = ordered.LastOrDefault(c => c.At < since);
                return ordered.Where(c => c.At >= since || c == before).Select(c => (Device: g.Key, Change: c));
            })
            .ToLookup(x => x.Device, x => x.Change, StringComparer.Ordinal);
    }

    private IReadOnlyDictionary<string, DateTimeOffset> LastChangeOnline()
    {
        var last = new Dictionary<string, (DateTimeOffset At, bool Online)>(StringComparer.Ordinal);
        foreach (var doc in _store.Database.GetCollection(Collection).FindAll())
        {
            var device = doc[LiteDbKeys.Device].AsString;
            var change = ToChange(doc);
            if (!last.TryGetValue(device, out var seen) || change.At >= seen.At)
            {
                last[device] = (change.At, change.Online);
            }
        }

        return last.Where(kv => kv.Value.Online).ToDictionary(kv => kv.Key, kv => kv.Value.At, StringComparer.Ordinal);
    }

    private static LinkChange ToChange(BsonDocument d) => new(new DateTimeOffset(d["t"].AsInt64, TimeSpan.Zero), d["on"].AsBoolean);
}
