using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// TLS server validation against one pinned CA (the one the cloud handed over at provisioning) instead of
/// the system's trust store: the broker's certificate must chain to that CA and name the host dialled.
/// A certificate from any other CA, public ones included, is refused.
/// </summary>
public sealed class PinnedCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _ca;

    private PinnedCertificateAuthority(X509Certificate2 ca) => _ca = ca;

    public string Subject => _ca.Subject;

    /// <summary>Loads the CA from a PEM file (<c>Uplink:CaCertificateFile</c>).</summary>
    public static PinnedCertificateAuthority Load(string pemFile) => new(X509Certificate2.CreateFromPem(File.ReadAllText(pemFile)));

    public static PinnedCertificateAuthority FromPem(string pem) => new(X509Certificate2.CreateFromPem(pem));

    /// <summary>True when <paramref name="certificate"/> chains to the pinned CA and its name matched (per <paramref name="errors"/>).</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(_ca.RawDataMemory.Span);
    }

    public void Dispose() => _ca.Dispose();
}
