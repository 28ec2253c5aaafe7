namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>The broker the cloud assigned, and the CA (PEM) to pin when <see cref="Tls"/>.</summary>
public sealed record ProvisionedBroker(string Host, int Port, bool Tls, string? CaCertificatePem);
