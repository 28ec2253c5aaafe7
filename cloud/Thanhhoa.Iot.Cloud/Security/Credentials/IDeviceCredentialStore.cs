namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>Devices' MQTT credentials and which device holds each site. Writes are durable when the task completes.</summary>
public interface IDeviceCredentialStore
{
    Task<DeviceCredential?> FindAsync(string deviceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceCredential>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: checks the token is still valid and marks it used, stores the credential, and
    /// when the credential names a site, moves the site to the new device and revokes the device that held it.
    /// </summary>
    Task<EnrollmentOutcome> EnrollAsync(EnrollmentCommit commit, CancellationToken cancellationToken);

    /// <summary>Revokes an active credential and unbinds its site; returns it, or null when there was none active.</summary>
    Task<DeviceCredential?> RevokeAsync(string deviceId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The device currently bound to <paramref name="site"/>, if any.</summary>
    Task<string?> DeviceAtSiteAsync(string site, CancellationToken cancellationToken);
}
