using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Security.Secrets;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>
/// Who an MQTT client is, by provisioned credentials: user name = client id = device id, password = the
/// device's secret, checked against its salted hash. The service client id checks against the service
/// identity. Revoked and unknown devices are refused with a reason that says what to do; in development
/// mode a device id that was never provisioned may connect without a secret (the demo's simulated fleet).
/// </summary>
public sealed class DeviceCredentialAuthenticator(
    IDeviceCredentialStore credentials,
    BrokerServiceIdentity service,
    IOptions<SecurityOptions> security,
    ILogger<DeviceCredentialAuthenticator> logger) : IClientAuthenticator
{
    public async ValueTask<AuthenticationResult> AuthenticateAsync(ConnectAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (string.Equals(attempt.ClientId, service.ClientId, StringComparison.Ordinal))
        {
            return await service.VerifyAsync(attempt.Password, cancellationToken).ConfigureAwait(false)
                ? AuthenticationResult.Accept(new ClientIdentity(attempt.ClientId, ClientRole.Service))
                : AuthenticationResult.Refuse($"wrong password for the service identity '{attempt.ClientId}'");
        }

        if (!ContractInfo.IsValidId(attempt.ClientId))
        {
            return AuthenticationResult.Refuse(
                $"client id '{attempt.ClientId}' is not a device id: use the gateway's device id (1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-')");
        }

        var credential = await credentials.FindAsync(attempt.ClientId, cancellationToken).ConfigureAwait(false);
        return credential is null ? Unprovisioned(attempt) : Check(attempt, credential);
    }

    private AuthenticationResult Unprovisioned(ConnectAttempt attempt)
    {
        if (security.Value.Mode == SecurityMode.Development && string.IsNullOrEmpty(attempt.Password))
        {
            SecurityLog.UnprovisionedDeviceAccepted(logger, attempt.ClientId);
            return AuthenticationResult.Accept(new ClientIdentity(attempt.ClientId, ClientRole.Device));
        }

        return AuthenticationResult.Refuse($"device '{attempt.ClientId}' is not provisioned: run `thgw provision --cloud URL --token TOKEN` on the gateway");
    }

    private static AuthenticationResult Check(ConnectAttempt attempt, DeviceCredential credential)
    {
        if (!credential.IsActive)
        {
            return AuthenticationResult.Refuse(
                $"the credentials of device '{attempt.ClientId}' were revoked ({credential.RevokedReason}); provision the gateway again with a new enrollment token");
        }

        if (!string.Equals(attempt.Username, attempt.ClientId, StringComparison.Ordinal))
        {
            return AuthenticationResult.Refuse($"user name must be the device id '{attempt.ClientId}'");
        }

        return SecretHasher.Verify(attempt.Password, credential.Hash)
            ? AuthenticationResult.Accept(new ClientIdentity(attempt.ClientId, ClientRole.Device))
            : AuthenticationResult.Refuse($"wrong secret for device '{attempt.ClientId}'");
    }
}
