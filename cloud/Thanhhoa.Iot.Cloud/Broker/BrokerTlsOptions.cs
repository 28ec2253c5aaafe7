namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Configuration section <c>Broker:Tls</c>: MQTT over TLS on the embedded broker. With no files given,
/// the cloud generates its own CA (ECDSA P-256) on first run and issues the server certificate for
/// <see cref="HostNames"/>; gateways pin that CA at provisioning. An operator may instead supply a CA
/// (<see cref="CaCertificateFile"/> + <see cref="CaKeyFile"/>, the cloud issues the server certificate) or
/// a finished server certificate (<see cref="CertificateFile"/> + <see cref="KeyFile"/> + the CA that signed it).
/// </summary>
public sealed class BrokerTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>TLS listener port (8883 is MQTT over TLS).</summary>
    public int Port { get; set; } = 8883;

    /// <summary>
    /// DNS names and IP addresses gateways use to reach the broker; the server certificate names them.
    /// Empty: <c>localhost</c>, this machine's name, 127.0.0.1 and ::1.
    /// </summary>
    public string[] HostNames { get; set; } = [];

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public string? CaCertificateFile { get; set; }

    public string? CaKeyFile { get; set; }
}
