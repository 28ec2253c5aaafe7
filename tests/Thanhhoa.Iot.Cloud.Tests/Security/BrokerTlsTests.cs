using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Tls;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>MQTT over TLS with the CA the cloud generates on first run, handed to gateways at provisioning.</summary>
[TestFixture]
[Category("Integration")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BrokerTlsTests
{
    private SecureCloud _cloud = null!;
    private int _tlsPort;

    [SetUp]
    public async Task SetUp()
    {
        _tlsPort = FreeTcpPort.Next();
        _cloud = await SecureCloud.StartAsync("cloud-tls", "--Broker:Tls:Enabled=true", $"--Broker:Tls:Port={_tlsPort}");
    }

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task Provision_TlsEnabled_GivesTlsPortAndCaThatTheBrokerChainsTo()
    {
        var token = await _cloud.CreateTokenAsync("site-tls");
        var secret = SecureCloud.NewSecret();
        var response = await _cloud.ProvisionAsync(token.Token, secret);
        using var ca = X509Certificate2.CreateFromPem(response.Broker.CaCertificatePem);
        var options = SecureMqtt.Options(_tlsPort, response.DeviceId, response.DeviceId, secret)
            .WithTlsOptions(tls => tls.UseTls().WithTargetHost("127.0.0.1").WithCertificateValidationHandler(e => ChainsTo(ca, e.Certificate, e.SslPolicyErrors)))
            .Build();
        using var client = await SecureMqtt.ConnectAsync(options);
        Assert.Multiple(() =>
        {
            Assert.That(response.Broker.Tls, Is.True);
            Assert.That(response.Broker.Port, Is.EqualTo(_tlsPort));
            Assert.That(client.IsConnected, Is.True);
        });
    }

    [Test]
    public async Task Connect_ClientTrustingAnotherCa_HandshakeFails()
    {
        using var other = CertificateAuthority.CreateCa("someone else", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        var device = await _cloud.ProvisionDeviceAsync("site-tls");
        var options = SecureMqtt.Options(_tlsPort, device.DeviceId, device.DeviceId, device.Secret)
            .WithTlsOptions(tls => tls.UseTls().WithTargetHost("127.0.0.1").WithCertificateValidationHandler(e => ChainsTo(other, e.Certificate, e.SslPolicyErrors)))
            .Build();
        using var client = new MqttClientFactory().CreateMqttClient();
        Assert.That(async () => await client.ConnectAsync(options), Throws.Exception);
    }

    [Test]
    public void FirstRun_CaAndServerKeys_OwnerOnlyAndServerNamesLoopback()
    {
        var tls = Path.Combine(_cloud.Host.DataDirectory, "security", "tls");
        using var server = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(tls, "server.crt")));
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(tls, "ca.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.Combine(tls, "server.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(CertificateAuthority.NamesOf(server), Does.Contain("127.0.0.1").And.Contain("localhost"));
            Assert.That(server.GetECDsaPublicKey()!.KeySize, Is.EqualTo(256));
        });
    }

    [Test]
    public async Task Restart_SameDataDirectory_SameCaSoPinsStayValid()
    {
        var caFile = Path.Combine(_cloud.Host.DataDirectory, "security", "tls", "ca.crt");
        var before = await File.ReadAllTextAsync(caFile);
        var dir = _cloud.Host.DataDirectory;
        await _cloud.Host.DisposeAsync();
        await using var again = await Hosting.CloudHost.StartEmbeddedAsync(dir, "--Security:Mode=Enforced", "--Broker:Tls:Enabled=true", $"--Broker:Tls:Port={FreeTcpPort.Next()}");
        Assert.That(await File.ReadAllTextAsync(caFile), Is.EqualTo(before));
    }

    private static bool ChainsTo(X509Certificate2 ca, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var server = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
