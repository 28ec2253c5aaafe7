namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>A device credential as the API shows it (never the hash).</summary>
public sealed record DeviceCredentialView(string DeviceId, string? Site, bool Active, DateTimeOffset EnrolledAt, string? TokenId, DateTimeOffset? RevokedAt, string? RevokedReason)
{
    public static DeviceCredentialView Of(DeviceCredential c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.DeviceId, c.Site, c.IsActive, c.EnrolledAt, c.TokenId, c.RevokedAt, c.RevokedReason);
    }
}
