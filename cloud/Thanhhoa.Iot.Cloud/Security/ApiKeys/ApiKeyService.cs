using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>
/// Creates, checks and revokes API keys (<c>thk_{id}_{secret}</c>). A key that verified recently is
/// remembered by its SHA-256 for <see cref="SecurityOptions.ApiKeyCacheLifetime"/>, so a dashboard
/// polling every second costs one PBKDF2 per minute, not one per request; revocation forgets it at once.
/// </summary>
public sealed class ApiKeyService(IApiKeyStore store, IOptions<SecurityOptions> options, TimeProvider time)
{
    public const string Prefix = "thk";
    private readonly ConcurrentDictionary<string, (byte[] Fingerprint, ApiKey Key, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);
    private long _revocations;

    public async Task<CreatedApiKey> CreateAsync(string name, ApiRole role, IReadOnlyList<string> sites, string? createdBy, CancellationToken cancellationToken)
    {
        var secret = PrefixedSecret.New(Prefix);
        var record = new ApiKey
        {
            Id = secret.Id,
            Name = name,
            Role = role,
            Sites = sites,
            Hash = SecretHasher.Hash(secret.Secret, options.Value.HashIterations),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
        };
        await store.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(record, secret.Text);
    }

    /// <summary>The active key <paramref name="presented"/> names, or null (malformed, unknown, wrong or revoked).</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!PrefixedSecret.TryParse(presented, Prefix, out var parsed))
        {
            return null;
        }

        var revocations = Interlocked.Read(ref _revocations);
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(parsed.Secret));
        var now = time.GetUtcNow();
        if (_verified.TryGetValue(parsed.Id, out var cached) && cached.Until > now && CryptographicOperations.FixedTimeEquals(cached.Fingerprint, fingerprint))
        {
            return cached.Key;
        }

        var key = await store.FindAsync(parsed.Id, cancellationToken).ConfigureAwait(false);
        if (key is not { IsActive: true } || !SecretHasher.Verify(parsed.Secret, key.Hash))
        {
            return null;
        }

        var lifetime = options.Value.ApiKeyCacheLifetime;
        // Not cached when a revocation happened meanwhile: this lookup may have read the key before it.
        if (lifetime > TimeSpan.Zero && Interlocked.Read(ref _revocations) == revocations)
        {
            _verified[key.Id] = (fingerprint, key, now + lifetime);
        }

        return key;
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _revocations);
        _verified.TryRemove(id, out _);
        var revoked = await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _revocations);
        _verified.TryRemove(id, out _);
        return revoked;
    }
}
