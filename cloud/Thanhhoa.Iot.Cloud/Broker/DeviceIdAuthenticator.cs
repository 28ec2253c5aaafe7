using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// The walking skeleton's policy: the client id is the identity. A legal device id connects as that
/// device; the configured service client id connects as the cloud (with its password, when one is set).
/// This trusts the client id and is replaced by per-device credentials in a later issue.
/// </summary>
public sealed class DeviceIdAuthenticator(IOptions<BrokerOptions> options) : IClientAuthenticator
{
    public ValueTask<AuthenticationResult> AuthenticateAsync(ConnectAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var o = options.Value;
        if (string.Equals(attempt.ClientId, o.ServiceClientId, StringComparison.Ordinal))
        {
            var passwordOk = string.IsNullOrEmpty(o.ServicePassword) || string.Equals(attempt.Password, o.ServicePassword, StringComparison.Ordinal);
            return ValueTask.FromResult(passwordOk
                ? AuthenticationResult.Accept(new ClientIdentity(attempt.ClientId, ClientRole.Service))
                : AuthenticationResult.Refuse($"wrong password for the service identity '{attempt.ClientId}'"));
        }

        if (ContractInfo.IsValidId(attempt.ClientId))
        {
            return ValueTask.FromResult(AuthenticationResult.Accept(new ClientIdentity(attempt.ClientId, ClientRole.Device)));
        }

        return ValueTask.FromResult(AuthenticationResult.Refuse(
            $"client id '{attempt.ClientId}' is not a device id: use the gateway's device id (1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-')"));
    }
}
