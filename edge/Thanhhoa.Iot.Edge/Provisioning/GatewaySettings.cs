namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>The settings <c>thgw provision</c> writes into the gateway's configuration file.</summary>
public sealed record GatewaySettings(string DeviceId, string? Site, string DataDirectory, ProvisionedBroker Broker, string Username, StoredCredentials Credentials);
