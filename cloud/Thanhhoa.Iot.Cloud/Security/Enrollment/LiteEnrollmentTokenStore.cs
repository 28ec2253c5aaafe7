using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>Enrollment tokens in the cloud's LiteDB (collection <c>enrollment_tokens</c>).</summary>
public sealed class LiteEnrollmentTokenStore(LiteDbStore store) : IEnrollmentTokenStore
{
    internal const string Collection = "enrollment_tokens";

    public Task AddAsync(EnrollmentToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var doc = ToDocument(token);
        return store.Writer.WriteAsync(db => db.GetCollection(Collection).Insert(doc), cancellationToken);
    }

    public Task<EnrollmentToken?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var doc = store.Database.GetCollection(Collection).FindById(id);
        return Task.FromResult(doc is null ? null : ToToken(doc));
    }

    public Task<IReadOnlyList<EnrollmentToken>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EnrollmentToken>>(store.Database.GetCollection(Collection).FindAll().Select(ToToken).OrderBy(t => t.CreatedAt).ToList());

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(
            db =>
            {
                var tokens = db.GetCollection(Collection);
                var doc = tokens.FindById(id);
                if (doc is null || !doc["used"].IsNull)
                {
                    return false;
                }

                doc["revoked"] = LiteFields.Write(at);
                return tokens.Update(doc);
            },
            cancellationToken);

    internal static BsonDocument ToDocument(EnrollmentToken t) => new()
    {
        ["_id"] = t.Id,
        ["hash"] = t.Hash,
        ["site"] = LiteFields.Text(t.Site),
        ["created"] = LiteFields.Write(t.CreatedAt),
        ["expires"] = LiteFields.Write(t.ExpiresAt),
        ["by"] = LiteFields.Text(t.CreatedBy),
        ["note"] = LiteFields.Text(t.Note),
        ["used"] = LiteFields.Write(t.UsedAt),
        ["usedBy"] = LiteFields.Text(t.UsedBy),
        ["revoked"] = LiteFields.Write(t.RevokedAt),
    };

    internal static EnrollmentToken ToToken(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Hash = d["hash"].AsString,
        Site = LiteFields.ReadText(d["site"]),
        CreatedAt = LiteFields.Read(d["created"]),
        ExpiresAt = LiteFields.Read(d["expires"]),
        CreatedBy = LiteFields.ReadText(d["by"]),
        Note = LiteFields.ReadText(d["note"]),
        UsedAt = LiteFields.ReadOptional(d["used"]),
        UsedBy = LiteFields.ReadText(d["usedBy"]),
        RevokedAt = LiteFields.ReadOptional(d["revoked"]),
    };
}
