using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using static Thanhhoa.Iot.Cloud.Commands.CommandDocuments;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Commands in the cloud's LiteDB database, written through its group-commit writer (durable on completion).</summary>
public sealed class LiteCommandStore : ICommandStore
{
    private readonly LiteDbStore _store;

    public LiteCommandStore(LiteDbStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        var commands = store.Database.GetCollection(Collection);
        commands.EnsureIndex(Device, "$." + Device);
        commands.EnsureIndex(State, "$." + State);
        commands.EnsureIndex(Created, "$." + Created);
        commands.EnsureIndex(Batch, "$." + Batch);
    }

    public Task InsertAsync(IReadOnlyList<CommandRecord> commands, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db => db.GetCollection(Collection).InsertBulk(commands.Select(From)), cancellationToken);

    public Task<CommandRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var doc = Commands.FindById(id);
        return Task.FromResult(doc is null ? null : To(doc));
    }

    public Task<IReadOnlyList<CommandRecord>> QueryAsync(CommandQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<BsonExpression>();
        if (query.DeviceId is not null)
        {
            where.Add(LiteQuery.EQ(Device, query.DeviceId));
        }

        if (query.Status is { } status)
        {
            where.Add(LiteQuery.EQ(State, (int)status));
        }

        if (query.BatchId is not null)
        {
            where.Add(LiteQuery.EQ(Batch, query.BatchId));
        }

        if (query.From is { } from)
        {
            where.Add(LiteQuery.GTE(Created, from.UtcTicks));
        }

        if (query.To is { } to)
        {
            where.Add(LiteQuery.LTE(Created, to.UtcTicks));
        }

        var q = Commands.Query();
        foreach (var w in where)
        {
            q = q.Where(w);
        }

        IReadOnlyList<CommandRecord> found = q.OrderByDescending(Created).Limit(query.Limit).ToList().Select(To).ToList();
        return Task.FromResult(found);
    }

    public Task<(CommandRecord? Before, CommandRecord? After)> UpdateAsync(string id, Func<CommandRecord, CommandRecord?> change, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db =>
        {
            var collection = db.GetCollection(Collection);
            var doc = collection.FindById(id);
            if (doc is null)
            {
                return ((CommandRecord?)null, (CommandRecord?)null);
            }

            var before = To(doc);
            var after = change(before);
            if (after is not null)
            {
                collection.Update(From(after));
            }

            return (before, after);
        }, cancellationToken);

    public Task<IReadOnlyList<CommandRecord>> ListDeliverableAsync(string deviceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandRecord> found = Commands.Query()
            .Where(LiteQuery.EQ(Device, deviceId))
            .Where(LiteQuery.EQ(State, (int)CommandState.Pending))
            .ToList().Select(To)
            .Where(c => c.Expires > now && (c.NotBefore is null || c.NotBefore <= now))
            .OrderBy(c => c.CreatedAt).ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<CommandRecord>> ListDueUnpublishedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandRecord> found = Commands.Query()
            .Where(LiteQuery.EQ(State, (int)CommandState.Pending))
            .Where(LiteQuery.EQ(Publishes, 0))
            .ToList().Select(To)
            .Where(c => c.Expires > now && (c.NotBefore is null || c.NotBefore <= now))
            .OrderBy(c => c.CreatedAt).ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<CommandRecord>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync<IReadOnlyList<CommandRecord>>(db =>
        {
            var collection = db.GetCollection(Collection);
            var due = collection.Query()
                .Where(LiteDB.Query.Or(LiteDB.Query.EQ(State, (int)CommandState.Pending), LiteDB.Query.EQ(State, (int)CommandState.Delivered)))
                .Where(LiteQuery.LTE(Expires, now.UtcTicks))
                .ToList().Select(To).ToList();
            var expired = due.Select(c => c with { Status = CommandState.Expired, CompletedAt = now }).ToList();
            foreach (var c in expired)
            {
                collection.Update(From(c));
            }

            return expired;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<CommandState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<CommandState, int> counts = Enum.GetValues<CommandState>()
            .ToDictionary(s => s, s => Commands.Count(LiteQuery.EQ(State, (int)s)));
        return Task.FromResult(counts);
    }

    public Task<IReadOnlyList<CommandRecord>> MarkPublishedAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync<IReadOnlyList<CommandRecord>>(db =>
        {
            var collection = db.GetCollection(Collection);
            var updated = new List<CommandRecord>();
            foreach (var id in ids)
            {
                if (collection.FindById(id) is { } doc)
                {
                    var c = To(doc);
                    var after = c with { PublishedAt = at, Publishes = c.Publishes + 1 };
                    collection.Update(From(after));
                    updated.Add(after);
                }
            }

            return updated;
        }, cancellationToken);

    public Task<IReadOnlyList<(CommandRecord Before, CommandRecord After)>> MarkDeliveredAsync(
        IReadOnlyList<(string DeviceId, string Id)> acknowledged, DateTimeOffset at, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync<IReadOnlyList<(CommandRecord, CommandRecord)>>(db =>
        {
            var collection = db.GetCollection(Collection);
            var changed = new List<(CommandRecord, CommandRecord)>();
            foreach (var (deviceId, id) in acknowledged)
            {
                if (collection.FindById(id) is { } doc && To(doc) is { Status: CommandState.Pending } c && c.DeviceId == deviceId)
                {
                    var after = c with { Status = CommandState.Delivered, DeliveredAt = at };
                    collection.Update(From(after));
                    changed.Add((c, after));
                }
            }

            return changed;
        }, cancellationToken);

    private ILiteCollection<BsonDocument> Commands => _store.Database.GetCollection(Collection);
}
