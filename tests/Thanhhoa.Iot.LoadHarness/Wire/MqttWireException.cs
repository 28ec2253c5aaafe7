namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>The connection to the broker failed, was refused or broke the protocol; the message says which.</summary>
internal sealed class MqttWireException(string message, Exception? inner = null) : IOException(message, inner);
