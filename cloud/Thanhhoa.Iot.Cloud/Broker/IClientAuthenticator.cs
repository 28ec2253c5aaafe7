namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Decides who an MQTT client connecting to the embedded broker is. The seam where per-device
/// credentials (provisioned secrets, client certificates) plug in; today see <see cref="DeviceIdAuthenticator"/>.
/// </summary>
public interface IClientAuthenticator
{
    ValueTask<AuthenticationResult> AuthenticateAsync(ConnectAttempt attempt, CancellationToken cancellationToken);
}
