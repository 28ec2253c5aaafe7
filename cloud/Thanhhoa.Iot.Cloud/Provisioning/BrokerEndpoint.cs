namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>Where the gateway connects, and the CA it pins when <see cref="Tls"/> (PEM).</summary>
public sealed record BrokerEndpoint(string Host, int Port, bool Tls, string? CaCertificatePem);
