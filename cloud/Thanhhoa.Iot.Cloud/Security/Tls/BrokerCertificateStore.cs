using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Provisioning;

namespace Thanhhoa.Iot.Cloud.Security.Tls;

/// <summary>
/// The embedded broker's certificates. With no files configured: a CA generated on first run in
/// <c>{data}/security/tls</c> (key 0600) and a server certificate for the configured host names, issued
/// again at start when it nears expiry or a host name was added. Operator-supplied files win (see
/// <see cref="BrokerTlsOptions"/>).
/// </summary>
public sealed class BrokerCertificateStore(
    IOptions<BrokerOptions> broker,
    IOptions<ProvisioningOptions> provisioning,
    SecurityPaths paths,
    TimeProvider time,
    ILogger<BrokerCertificateStore> logger) : IBrokerCertificates
{
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(20 * 365);
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(2 * 365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);
    private readonly Lock _lock = new();
    private X509Certificate2? _server;

    private BrokerTlsOptions Tls => broker.Value.Tls;

    private string CaFile => Tls.CaCertificateFile is { Length: > 0 } f ? f : Path.Combine(paths.Tls, "ca.crt");

    public X509Certificate2 ServerCertificate()
    {
        lock (_lock)
        {
            return _server ??= LoadOrIssueServer();
        }
    }

    public string CaCertificatePem()
    {
        lock (_lock)
        {
            if (string.IsNullOrEmpty(Tls.CaCertificateFile))
            {
                using var _ = LoadOrCreateCa();
            }

            return File.ReadAllText(CaFile);
        }
    }

    /// <summary>The names the server certificate must carry.</summary>
    public IReadOnlyList<string> HostNames()
    {
        IEnumerable<string> names = Tls.HostNames.Length > 0 ? Tls.HostNames : ["localhost", Environment.MachineName.ToLowerInvariant(), "127.0.0.1", "::1"];
        if (provisioning.Value.BrokerHost is { Length: > 0 } advertised)
        {
            names = names.Append(advertised);
        }

        return names.Where(n => Uri.CheckHostName(n) != UriHostNameType.Unknown).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private X509Certificate2 LoadOrIssueServer()
    {
        if (Tls.CertificateFile is { Length: > 0 } certificateFile)
        {
            return PemFiles.LoadWithKey(certificateFile, Tls.KeyFile!);
        }

        using var ca = LoadOrCreateCa();
        var certificateFileGenerated = Path.Combine(paths.Tls, "server.crt");
        var keyFile = Path.Combine(paths.Tls, "server.key");
        var names = HostNames();
        if (File.Exists(certificateFileGenerated) && File.Exists(keyFile))
        {
            var existing = PemFiles.LoadWithKey(certificateFileGenerated, keyFile);
            if (IsCurrent(existing, ca, names))
            {
                return existing;
            }

            existing.Dispose();
        }

        using var issued = CertificateAuthority.IssueServer(ca, names, time.GetUtcNow(), ServerLifetime);
        PemFiles.Save(issued, certificateFileGenerated, keyFile);
        SecurityLog.ServerCertificateIssued(logger, string.Join(", ", names), issued.NotAfter.ToUniversalTime());
        return PemFiles.LoadWithKey(certificateFileGenerated, keyFile);
    }

    private bool IsCurrent(X509Certificate2 server, X509Certificate2 ca, IReadOnlyList<string> names)
    {
        if (new DateTimeOffset(server.NotAfter.ToUniversalTime()) - time.GetUtcNow() < RenewBefore || !names.All(CertificateAuthority.NamesOf(server).Contains))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        return chain.Build(server);
    }

    private X509Certificate2 LoadOrCreateCa()
    {
        if (Tls.CaCertificateFile is { Length: > 0 } caFile)
        {
            var supplied = X509Certificate2.CreateFromPemFile(caFile, Tls.CaKeyFile);
            return PemFiles.IsCa(supplied) ? supplied : throw PemFiles.NotCa(caFile);
        }

        var keyFile = Path.Combine(paths.Tls, "ca.key");
        if (File.Exists(CaFile) && File.Exists(keyFile))
        {
            return X509Certificate2.CreateFromPemFile(CaFile, keyFile);
        }

        var name = $"Thanhhoa.Iot MQTT CA {Security.Secrets.RandomSecrets.Base32(8)}";
        using var created = CertificateAuthority.CreateCa(name, time.GetUtcNow(), CaLifetime);
        PemFiles.Save(created, CaFile, keyFile);
        SecurityLog.CaGenerated(logger, created.Subject, paths.Tls);
        return X509Certificate2.CreateFromPemFile(CaFile, keyFile);
    }
}
