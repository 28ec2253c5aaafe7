using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>Creates enrollment tokens (<c>thet_{id}_{secret}</c>) and checks presented ones.</summary>
public sealed class EnrollmentTokens(IEnrollmentTokenStore store, IOptions<SecurityOptions> options, TimeProvider time)
{
    public const string Prefix = "thet";

    public async Task<(EnrollmentToken Record, string Token)> CreateAsync(string? site, TimeSpan lifetime, string? note, string createdBy, CancellationToken cancellationToken)
    {
        var secret = PrefixedSecret.New(Prefix);
        var now = time.GetUtcNow();
        var record = new EnrollmentToken
        {
            Id = secret.Id,
            Hash = SecretHasher.Hash(secret.Secret, options.Value.HashIterations),
            Site = site,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedBy = createdBy,
            Note = note,
        };
        await store.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return (record, secret.Text);
    }

    /// <summary>The stored token a presented one names, when its secret matches; null otherwise (malformed, unknown or wrong).</summary>
    public async Task<EnrollmentToken?> FindAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!PrefixedSecret.TryParse(presented, Prefix, out var parsed))
        {
            return null;
        }

        var token = await store.FindAsync(parsed.Id, cancellationToken).ConfigureAwait(false);
        return token is not null && SecretHasher.Verify(parsed.Secret, token.Hash) ? token : null;
    }

    /// <summary>The lifetime asked for, or the default; null (with a message) when out of range.</summary>
    public TimeSpan? Lifetime(int? validHours, out string? error)
    {
        error = null;
        var o = options.Value;
        if (validHours is null)
        {
            return o.DefaultTokenLifetime;
        }

        var asked = TimeSpan.FromHours(validHours.Value);
        if (asked <= TimeSpan.Zero || asked > o.MaxTokenLifetime)
        {
            error = $"validHours {validHours} is out of range; use 1-{(int)o.MaxTokenLifetime.TotalHours} (Security:MaxTokenLifetime).";
            return null;
        }

        return asked;
    }
}
