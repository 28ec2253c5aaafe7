namespace Thanhhoa.Iot.Cloud.Security.Enrollment;

/// <summary>Enrollment tokens by id. Redeeming happens in <see cref="Credentials.IDeviceCredentialStore.EnrollAsync"/>, atomically with the new credential.</summary>
public interface IEnrollmentTokenStore
{
    Task AddAsync(EnrollmentToken token, CancellationToken cancellationToken);

    Task<EnrollmentToken?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<EnrollmentToken>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes an unused token; false when there is no such token or it was already used.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
