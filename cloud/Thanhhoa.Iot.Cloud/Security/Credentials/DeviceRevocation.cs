using Thanhhoa.Iot.Cloud.Security.BrokerAccess;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>Revokes a device's credentials and cuts it off the broker within seconds.</summary>
public sealed class DeviceRevocation(
    IDeviceCredentialStore credentials,
    IEnumerable<IBrokerAccessSync> brokers,
    TimeProvider time,
    ILogger<DeviceRevocation> logger)
{
    /// <summary>The revoked credential, or null when the device had no active one.</summary>
    public async Task<DeviceCredential?> RevokeAsync(string deviceId, string reason, CancellationToken cancellationToken)
    {
        var revoked = await credentials.RevokeAsync(deviceId, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (revoked is not null)
        {
            await CutOffAsync(deviceId, reason, cancellationToken).ConfigureAwait(false);
        }

        return revoked;
    }

    /// <summary>Tells every broker a device lost its credentials (e.g. revoked as part of an enrollment).</summary>
    public async Task CutOffAsync(string deviceId, string reason, CancellationToken cancellationToken)
    {
        SecurityLog.DeviceRevoked(logger, deviceId, reason);
        foreach (var broker in brokers)
        {
            try
            {
                await broker.DeviceRevokedAsync(deviceId, reason, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SecurityLog.RevocationBrokerUpdateFailed(logger, ex, deviceId);
            }
        }
    }
}
