using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Artifacts;

/// <summary>Artifact metadata in the cloud's LiteDB database, written through its group-commit writer.</summary>
public sealed class LiteArtifactStore(LiteDbStore store) : IArtifactStore
{
    private const string Collection = "artifacts";

    public Task InsertAsync(Artifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return store.Writer.WriteAsync(db => db.GetCollection(Collection).Insert(From(artifact)), cancellationToken);
    }

    public Task<Artifact?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(store.Database.GetCollection(Collection).FindById(id) is { } d ? To(d) : null);

    public Task<IReadOnlyList<Artifact>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Artifact> all = store.Database.GetCollection(Collection).FindAll().Select(To).OrderByDescending(a => a.UploadedAt).ToList();
        return Task.FromResult(all);
    }

    private static BsonDocument From(Artifact a) => new()
    {
        ["_id"] = a.Id,
        ["v"] = a.Version,
        ["hw"] = a.Hardware,
        ["n"] = a.Size,
        ["sha"] = a.Sha256,
        ["notes"] = a.Notes is null ? BsonValue.Null : a.Notes,
        ["at"] = a.UploadedAt.UtcTicks,
        ["by"] = a.UploadedBy,
    };

    private static Artifact To(BsonDocument d) => new(
        d["_id"].AsString, d["v"].AsString, d["hw"].AsString, d["n"].AsInt64, d["sha"].AsString,
        d["notes"].IsNull ? null : d["notes"].AsString, new DateTimeOffset(d["at"].AsInt64, TimeSpan.Zero), d["by"].AsString);
}
