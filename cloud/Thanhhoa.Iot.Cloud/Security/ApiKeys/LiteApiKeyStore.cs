using LiteDB;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>API keys in the cloud's LiteDB (collection <c>api_keys</c>).</summary>
public sealed class LiteApiKeyStore(LiteDbStore store) : IApiKeyStore
{
    private const string Collection = "api_keys";

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var doc = ToDocument(key);
        return store.Writer.WriteAsync(db => db.GetCollection(Collection).Insert(doc), cancellationToken);
    }

    public Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var doc = store.Database.GetCollection(Collection).FindById(id);
        return Task.FromResult(doc is null ? null : ToKey(doc));
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiKey>>(store.Database.GetCollection(Collection).FindAll().Select(ToKey).OrderBy(k => k.CreatedAt).ToList());

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(
            db =>
            {
                var keys = db.GetCollection(Collection);
                var doc = keys.FindById(id);
                if (doc is null)
                {
                    return false;
                }

                doc["revoked"] = LiteFields.Write(at);
                return keys.Update(doc);
            },
            cancellationToken);

    private static BsonDocument ToDocument(ApiKey k) => new()
    {
        ["_id"] = k.Id,
        ["name"] = k.Name,
        ["role"] = k.Role.ToString(),
        ["sites"] = new BsonArray(k.Sites.Select(s => new BsonValue(s))),
        ["hash"] = k.Hash,
        ["created"] = LiteFields.Write(k.CreatedAt),
        ["by"] = LiteFields.Text(k.CreatedBy),
        ["revoked"] = LiteFields.Write(k.RevokedAt),
    };

    private static ApiKey ToKey(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Name = d["name"].AsString,
        Role = Enum.Parse<ApiRole>(d["role"].AsString),
        Sites = d["sites"].AsArray.Select(v => v.AsString).ToList(),
        Hash = d["hash"].AsString,
        CreatedAt = LiteFields.Read(d["created"]),
        CreatedBy = LiteFields.ReadText(d["by"]),
        RevokedAt = LiteFields.ReadOptional(d["revoked"]),
    };
}
