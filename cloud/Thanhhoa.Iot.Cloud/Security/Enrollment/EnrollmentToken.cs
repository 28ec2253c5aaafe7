namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>
/// A single-use, expiring enrollment token (<c>thet_{id}_{secret}</c>); stored by <see cref="Id"/> with
/// the secret part only as <see cref="Hash"/>. Bound to <see cref="Site"/> when one was given.
/// </summary>
public sealed record EnrollmentToken
{
    public required string Id { get; init; }

    public required string Hash { get; init; }

    public string? Site { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    /// <summary>The device provisioned with it.</summary>
    public string? UsedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public EnrollmentTokenState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? EnrollmentTokenState.Used
        : RevokedAt is not null ? EnrollmentTokenState.Revoked
        : now >= ExpiresAt ? EnrollmentTokenState.Expired
        : EnrollmentTokenState.Valid;

    public override string ToString() => $"enrollment token {Id} (site {Site ?? "any"})";
}
