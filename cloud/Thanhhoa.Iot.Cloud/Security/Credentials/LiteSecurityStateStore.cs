using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary><see cref="ISecurityStateStore"/> in the cloud's LiteDB (collection <c>security_state</c>).</summary>
public sealed class LiteSecurityStateStore(LiteDbStore store) : ISecurityStateStore
{
    private const string Collection = "security_state";

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(store.Database.GetCollection(Collection).FindById(key)?["value"].AsString);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(db => db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = key, ["value"] = value }), cancellationToken);
}
