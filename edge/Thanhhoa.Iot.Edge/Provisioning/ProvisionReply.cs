namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>The cloud's answer to a successful provisioning.</summary>
public sealed record ProvisionReply(string DeviceId, string Username, string? Site, ProvisionedBroker Broker, string? ReplacedDeviceId);
