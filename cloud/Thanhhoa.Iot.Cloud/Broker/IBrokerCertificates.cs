using System.Security.Cryptography.X509Certificates;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>The embedded broker's TLS server certificate, and the CA certificate gateways pin.</summary>
public interface IBrokerCertificates
{
    /// <summary>The server certificate with its private key (generated or renewed when needed).</summary>
    X509Certificate2 ServerCertificate();

    /// <summary>The CA that signed the server certificate, PEM-encoded.</summary>
    string CaCertificatePem();
}
