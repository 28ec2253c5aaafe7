using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// The crypto the uplink and enrollment need works here: SHA-256 of a known vector, ECDSA P-256
/// sign and verify (and a tampered message refused), a self-signed certificate, and a real TLS
/// handshake between two ends of a loopback socket inside this process (OpenSSL loads and talks).
/// </summary>
internal sealed class CryptoCheck(Texts texts, TimeProvider time) : IDiagnosticCheck
{
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    public string Name => "crypto-tls";

    public string? Progress => texts[TextKey.CryptoProgress];

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData("abc"u8));
        if (hash != AbcSha256)
        {
            return CheckResult.Fail(Name, texts.Format(TextKey.CryptoHashWrong, hash), texts[TextKey.OpenSslFix]);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var message = "thiot/v1/selftest"u8.ToArray();
        var signature = key.SignData(message, HashAlgorithmName.SHA256);
        message[0] ^= 1;
        var tamperedAccepted = key.VerifyData(message, signature, HashAlgorithmName.SHA256);
        message[0] ^= 1;
        if (!key.VerifyData(message, signature, HashAlgorithmName.SHA256) || tamperedAccepted)
        {
            return CheckResult.Fail(Name, texts[TextKey.CryptoEcdsaWrong], texts[TextKey.OpenSslFix]);
        }

        using var certificate = new CertificateRequest("CN=thgw-selftest", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(time.GetUtcNow().AddMinutes(-5), time.GetUtcNow().AddHours(1));
        var protocol = await HandshakeAsync(certificate, cancellationToken).ConfigureAwait(false);
        return CheckResult.Ok(Name, texts.Format(TextKey.CryptoOk, protocol));
    }

    private async Task<string> HandshakeAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            using var client = new TcpClient();
            var accept = listener.AcceptTcpClientAsync(linked.Token).AsTask();
            await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint, linked.Token).ConfigureAwait(false);
            using var server = await accept.ConfigureAwait(false);
            await using var serverTls = new SslStream(server.GetStream());
            await using var clientTls = new SslStream(client.GetStream(), false, (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString());
            var serverSide = serverTls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = certificate }, linked.Token);
            await clientTls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions { TargetHost = "thgw-selftest" }, linked.Token).ConfigureAwait(false);
            await serverSide.ConfigureAwait(false);
            return $"{clientTls.SslProtocol}, {clientTls.NegotiatedCipherSuite}";
        }
        finally
        {
            listener.Stop();
        }
    }
}
