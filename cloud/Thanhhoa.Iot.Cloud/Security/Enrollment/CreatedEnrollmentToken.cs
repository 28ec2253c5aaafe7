namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>A new token. <see cref="Token"/> appears only in this answer: print it for the technician now.</summary>
public sealed record CreatedEnrollmentToken(string Id, string Token, string? Site, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"enrollment token {Id}";
}
