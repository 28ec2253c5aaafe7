using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Security.Tls;

/// <summary>Certificates and keys as PEM files: certificates world-readable, private keys owner-only (0600).</summary>
internal static class PemFiles
{
    public static void Save(X509Certificate2 certificate, string certificateFile, string keyFile)
    {
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("Only ECDSA certificates with a private key are saved here.");
        OwnerOnlyFile.Write(keyFile, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
    }

    /// <summary>
    /// Loads a certificate with its key. Re-imported through PKCS#12 because an ephemeral PEM key
    /// cannot always serve a TLS handshake (SslStream wants a persisted key on some platforms).
    /// </summary>
    public static X509Certificate2 LoadWithKey(string certificateFile, string keyFile)
    {
        using var ephemeral = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    public static X509Certificate2 LoadCertificate(string certificateFile) => X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));

    public static bool IsCa(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    public static CryptographicException NotCa(string file) =>
        new($"{file} is not a CA certificate (no basic constraints CA=true); give the CA that signs the broker's certificate.");
}
