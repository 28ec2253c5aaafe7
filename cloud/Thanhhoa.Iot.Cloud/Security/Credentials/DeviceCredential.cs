namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>
/// A provisioned device's MQTT credential: its secret exists only as <see cref="Hash"/> (salted PBKDF2);
/// <see cref="Site"/> is the site it was enrolled for. Revoked credentials are kept, so the reason stays visible.
/// </summary>
public sealed record DeviceCredential
{
    public required string DeviceId { get; init; }

    public required string Hash { get; init; }

    public string? Site { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }

    /// <summary>The enrollment token it was provisioned with (its id, not the token).</summary>
    public string? TokenId { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedReason { get; init; }

    public bool IsActive => RevokedAt is null;

    public override string ToString() => $"credential of {DeviceId} (site {Site ?? "none"}, {(IsActive ? "active" : "revoked")})";
}
