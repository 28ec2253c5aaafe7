namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>A token as the API lists it: never the token or its hash.</summary>
public sealed record EnrollmentTokenView(
    string Id, string? Site, EnrollmentTokenState State, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    string? CreatedBy, string? Note, DateTimeOffset? UsedAt, string? UsedBy)
{
    public static EnrollmentTokenView Of(EnrollmentToken t, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.Site, t.StateAt(now), t.CreatedAt, t.ExpiresAt, t.CreatedBy, t.Note, t.UsedAt, t.UsedBy);
    }
}
