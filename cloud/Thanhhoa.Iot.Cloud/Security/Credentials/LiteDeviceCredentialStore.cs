using LiteDB;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>
/// Device credentials (collection <c>device_credentials</c>) and site bindings (<c>site_bindings</c>:
/// site code → device) in the cloud's LiteDB. Enrollment redeems the token in the same transaction.
/// </summary>
public sealed class LiteDeviceCredentialStore(LiteDbStore store) : IDeviceCredentialStore
{
    private const string Collection = "device_credentials";
    private const string Bindings = "site_bindings";

    public Task<DeviceCredential?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        var doc = store.Database.GetCollection(Collection).FindById(deviceId);
        return Task.FromResult(doc is null ? null : ToCredential(doc));
    }

    public Task<IReadOnlyList<DeviceCredential>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeviceCredential>>(store.Database.GetCollection(Collection).FindAll().Select(ToCredential).OrderBy(c => c.DeviceId, StringComparer.Ordinal).ToList());

    public Task<string?> DeviceAtSiteAsync(string site, CancellationToken cancellationToken)
    {
        var doc = store.Database.GetCollection(Bindings).FindById(site);
        return Task.FromResult(doc is null ? null : doc["device"].AsString);
    }

    public Task<EnrollmentOutcome> EnrollAsync(EnrollmentCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return store.Writer.WriteAsync(db => Enroll(db, commit), cancellationToken);
    }

    public Task<DeviceCredential?> RevokeAsync(string deviceId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(db => Revoke(db, deviceId, reason, at), cancellationToken);

    // Business refusals are returned, never thrown: a throw would roll back the other writes of the group.
    private static EnrollmentOutcome Enroll(LiteDatabase db, EnrollmentCommit commit)
    {
        var tokens = db.GetCollection(LiteEnrollmentTokenStore.Collection);
        var tokenDoc = tokens.FindById(commit.TokenId);
        if (tokenDoc is null)
        {
            return new EnrollmentOutcome(EnrollmentTokenState.Valid, TokenFound: false, null);
        }

        var token = LiteEnrollmentTokenStore.ToToken(tokenDoc);
        var state = token.StateAt(commit.At);
        if (state != EnrollmentTokenState.Valid)
        {
            return new EnrollmentOutcome(state, TokenFound: true, null);
        }

        tokens.Update(LiteEnrollmentTokenStore.ToDocument(token with { UsedAt = commit.At, UsedBy = commit.Credential.DeviceId }));
        db.GetCollection(Collection).Insert(ToDocument(commit.Credential));
        string? replaced = null;
        if (commit.Credential.Site is { } site)
        {
            var bindings = db.GetCollection(Bindings);
            if (bindings.FindById(site) is { } binding && Revoke(db, binding["device"].AsString, $"replaced by {commit.Credential.DeviceId} at site {site}", commit.At) is { } old)
            {
                replaced = old.DeviceId;
            }

            bindings.Upsert(new BsonDocument { ["_id"] = site, ["device"] = commit.Credential.DeviceId, ["since"] = LiteFields.Write(commit.At) });
        }

        return new EnrollmentOutcome(EnrollmentTokenState.Valid, TokenFound: true, replaced);
    }

    private static DeviceCredential? Revoke(LiteDatabase db, string deviceId, string reason, DateTimeOffset at)
    {
        var credentials = db.GetCollection(Collection);
        var doc = credentials.FindById(deviceId);
        if (doc is null || !doc["revoked"].IsNull)
        {
            return null;
        }

        var revoked = ToCredential(doc) with { RevokedAt = at, RevokedReason = reason };
        credentials.Update(ToDocument(revoked));
        if (revoked.Site is { } site)
        {
            var bindings = db.GetCollection(Bindings);
            if (bindings.FindById(site) is { } binding && binding["device"].AsString == deviceId)
            {
                bindings.Delete(site);
            }
        }

        return revoked;
    }

    private static BsonDocument ToDocument(DeviceCredential c) => new()
    {
        ["_id"] = c.DeviceId,
        ["hash"] = c.Hash,
        ["site"] = LiteFields.Text(c.Site),
        ["enrolled"] = LiteFields.Write(c.EnrolledAt),
        ["token"] = LiteFields.Text(c.TokenId),
        ["revoked"] = LiteFields.Write(c.RevokedAt),
        ["reason"] = LiteFields.Text(c.RevokedReason),
    };

    private static DeviceCredential ToCredential(BsonDocument d) => new()
    {
        DeviceId = d["_id"].AsString,
        Hash = d["hash"].AsString,
        Site = LiteFields.ReadText(d["site"]),
        EnrolledAt = LiteFields.Read(d["enrolled"]),
        TokenId = LiteFields.ReadText(d["token"]),
        RevokedAt = LiteFields.ReadOptional(d["revoked"]),
        RevokedReason = LiteFields.ReadText(d["reason"]),
    };
}
