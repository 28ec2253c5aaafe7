namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>
/// Keeps the broker in step with device credentials: the embedded broker only needs revoked devices
/// disconnected (it checks credentials itself); an external mosquitto learns of every device through its
/// dynamic-security plugin.
/// </summary>
public interface IBrokerAccessSync
{
    /// <summary>Called before the enrollment is committed; a failure fails the provisioning.</summary>
    Task DeviceEnrolledAsync(string deviceId, string secret, CancellationToken cancellationToken);

    /// <summary>Called if the enrollment could not be committed after <see cref="DeviceEnrolledAsync"/> succeeded.</summary>
    Task DeviceEnrollmentAbandonedAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Cut the device off now: disconnect it and make the broker refuse it from here on.</summary>
    Task DeviceRevokedAsync(string deviceId, string reason, CancellationToken cancellationToken);
}
