using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>A key as the API shows it; <see cref="Key"/> only in the answer that created it.</summary>
public sealed record ApiKeyView(
    string Id, string Name, ApiRole Role, IReadOnlyList<string> Sites, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? Key = null)
{
    public static ApiKeyView Of(ApiKey k, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new(k.Id, k.Name, k.Role, k.Sites, k.CreatedAt, k.CreatedBy, k.RevokedAt, key);
    }

    public override string ToString() => $"API key {Id} '{Name}' ({Role})";
}
