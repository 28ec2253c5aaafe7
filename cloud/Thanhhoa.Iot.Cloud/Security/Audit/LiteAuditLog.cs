using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary>The audit log in the cloud's LiteDB (collection <c>audit</c>, indexed by time).</summary>
public sealed class LiteAuditLog : IAuditLog
{
    private const string Collection = "audit";
    private readonly LiteDbStore _store;

    public LiteAuditLog(LiteDbStore store)
    {
        _store = store;
        store.Database.GetCollection(Collection, BsonAutoId.Int64).EnsureIndex("at", "$.at");
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var doc = new BsonDocument
        {
            ["at"] = LiteFields.Write(entry.At),
            ["actor"] = entry.Actor,
            ["role"] = LiteFields.Text(entry.Role),
            ["method"] = entry.Method,
            ["path"] = entry.Path,
            ["status"] = entry.Status,
            ["detail"] = LiteFields.Text(entry.Detail),
            ["remote"] = LiteFields.Text(entry.Remote),
        };
        return _store.Writer.WriteAsync(db => db.GetCollection(Collection, BsonAutoId.Int64).Insert(doc), cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = _store.Database.GetCollection(Collection, BsonAutoId.Int64)
            .Find(LiteQuery.Between("at", query.From.UtcTicks, query.To.UtcTicks))
            .Select(ToEntry)
            .Where(e => query.Actor is null || e.Actor.Contains(query.Actor, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(rows);
    }

    private static AuditEntry ToEntry(BsonDocument d) => new()
    {
        Id = d["_id"].AsInt64,
        At = LiteFields.Read(d["at"]),
        Actor = d["actor"].AsString,
        Role = LiteFields.ReadText(d["role"]),
        Method = d["method"].AsString,
        Path = d["path"].AsString,
        Status = d["status"].AsInt32,
        Detail = LiteFields.ReadText(d["detail"]),
        Remote = LiteFields.ReadText(d["remote"]),
    };
}
