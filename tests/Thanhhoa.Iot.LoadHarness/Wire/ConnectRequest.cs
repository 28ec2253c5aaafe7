namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>A clean-start MQTT 5 CONNECT: client id, keep-alive (seconds, 0 = none) and an optional last will.</summary>
internal sealed record ConnectRequest(string ClientId, int KeepAliveSeconds, OutgoingMessage? Will);
