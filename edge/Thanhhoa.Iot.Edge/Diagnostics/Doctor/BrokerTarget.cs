namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>Where <see cref="BrokerCheck"/> looks for the broker, as the uplink is configured.</summary>
/// <param name="Host">Uplink:Host.</param>
/// <param name="Port">Uplink:Port.</param>
/// <param name="UseTls">Uplink:UseTls.</param>
/// <param name="Timeout">How long each step (DNS, TCP, TLS) may take.</param>
/// <param name="ConfigurationFile">Where the technician changes these settings, for the fix text.</param>
/// <param name="CaCertificateFile">Uplink:CaCertificateFile: the pinned CA the handshake is validated against (else the system's trust).</param>
public sealed record BrokerTarget(string Host, int Port, bool UseTls, TimeSpan Timeout, string ConfigurationFile, string? CaCertificateFile = null);
