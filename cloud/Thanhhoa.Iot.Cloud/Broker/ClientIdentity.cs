namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Who an MQTT connection belongs to. For a device, <see cref="ClientId"/> is its device id.</summary>
public sealed record ClientIdentity(string ClientId, ClientRole Role);
