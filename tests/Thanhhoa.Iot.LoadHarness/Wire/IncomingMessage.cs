namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>An application message the broker delivered to a subscription.</summary>
internal sealed record IncomingMessage(string Topic, byte[] Payload);
