namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>
/// What a provisioned gateway needs: its device id (also its MQTT client id and user name), its site,
/// and the broker with the CA to pin. <see cref="ReplacedDeviceId"/> names the gateway this one replaced
/// at the site (its credentials are revoked now).
/// </summary>
public sealed record ProvisionResponse(string DeviceId, string Username, string? Site, BrokerEndpoint Broker, string? ReplacedDeviceId);
