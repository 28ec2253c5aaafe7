namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>An application message to publish (or to leave as the will): QoS 0 or 1, with an optional content type.</summary>
internal sealed record OutgoingMessage(string Topic, byte[] Payload, string? ContentType, int Qos = 1, bool Retain = false);
