using System.Net;
using System.Runtime.Versioning;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Server;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Tls;

namespace Thanhhoa.Iot.Edge.Tests.Provisioning;

/// <summary>
/// The uplink's TLS against a real MQTTnet TLS broker: with Uplink:CaCertificateFile it trusts that CA
/// only (the pin from provisioning), and reads its secret from Uplink:PasswordFile.
/// </summary>
[TestFixture]
[Category("Integration")]
[UnsupportedOSPlatform("windows")]
public sealed class UplinkTlsPinningTests
{
    private readonly X509Certificate2 _ca = TestCertificates.CreateCa("pinned test CA");
    private readonly X509Certificate2 _otherCa = TestCertificates.CreateCa("other test CA");
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("uplink-tls");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [OneTimeTearDown]
    public void DisposeCertificates()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    [Test]
    public async Task Connect_PinnedCaSignedTheBroker_ConnectsWithPasswordFromFile()
    {
        string? presented = null;
        await using var broker = await StartBrokerAsync(TestCertificates.IssueServer(_ca), e => presented = e.Password);
        var result = await ConnectAsync(broker.Port, _ca);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.Success));
            Assert.That(presented, Is.EqualTo("the-device-secret"));
        });
    }

    [Test]
    public async Task Connect_BrokerSignedByAnotherCa_Refused()
    {
        await using var broker = await StartBrokerAsync(TestCertificates.IssueServer(_otherCa), _ => { });
        Assert.That(async () => await ConnectAsync(broker.Port, _ca), Throws.Exception);
    }

    [Test]
    public async Task Connect_PinnedCaButCertificateForAnotherName_Refused()
    {
        await using var broker = await StartBrokerAsync(TestCertificates.IssueServer(_ca, "other.example", loopbackAddress: false), _ => { });
        Assert.That(async () => await ConnectAsync(broker.Port, _ca), Throws.Exception);
    }

    [Test]
    public async Task Connect_NoPinAndAPrivateCa_RefusedBySystemTrust()
    {
        await using var broker = await StartBrokerAsync(TestCertificates.IssueServer(_ca), _ => { });
        Assert.That(async () => await ConnectAsync(broker.Port, pin: null), Throws.Exception);
    }

    [Test]
    public void Validate_PasswordFileReadableByOthers_RefusedWithChmodFix()
    {
        var secret = _dir.File("device.secret");
        File.WriteAllText(secret, "s");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var result = new UplinkOptionsValidator().Validate(null, new UplinkOptions { Username = "gw-a", PasswordFile = secret });
        Assert.That(result.FailureMessage, Does.Contain("chmod 600"));
    }

    [Test]
    public void Validate_MissingFilesOrPinWithoutTls_Refused()
    {
        var result = new UplinkOptionsValidator().Validate(null, new UplinkOptions
        {
            Username = "gw-a", PasswordFile = _dir.File("missing.secret"), CaCertificateFile = _dir.File("missing.pem"), UseTls = false,
        });
        Assert.Multiple(() =>
        {
            Assert.That(result.FailureMessage, Does.Contain("missing.secret").And.Contain("does not exist"));
            Assert.That(result.FailureMessage, Does.Contain("missing.pem"));
            Assert.That(result.FailureMessage, Does.Contain("UseTls=true"));
        });
    }

    private async Task<MqttClientConnectResultCode> ConnectAsync(int port, X509Certificate2? pin)
    {
        var secretFile = _dir.File("device.secret");
        File.WriteAllText(secretFile, "the-device-secret\n");
        File.SetUnixFileMode(secretFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string? caFile = null;
        if (pin is not null)
        {
            caFile = _dir.File("broker-ca.pem");
            File.WriteAllText(caFile, TestCertificates.Pem(pin));
        }

        var options = new UplinkOptions
        {
            Host = "127.0.0.1", Port = port, UseTls = true, Username = "gw-a", PasswordFile = secretFile, CaCertificateFile = caFile,
            OperationTimeout = TimeSpan.FromSeconds(10),
        };
        var opener = new MqttSessionOpener(options, new UplinkIdentity("gw-a", null, null), TimeProvider.System, NullLogger.Instance);
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(opener.ClientOptions(1));
        return result.ResultCode;
    }

    private static async Task<TlsBroker> StartBrokerAsync(X509Certificate2 certificate, Action<ValidatingConnectionEventArgs> onConnect)
    {
        var port = FreeTcpPort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint().WithEncryptedEndpointPort(port).WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptionCertificate(certificate).WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            onConnect(e);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return new TlsBroker(server, certificate, port);
    }

    private sealed class TlsBroker(MqttServer server, X509Certificate2 certificate, int port) : IAsyncDisposable
    {
        public int Port => port;

        public async ValueTask DisposeAsync()
        {
            await server.StopAsync();
            server.Dispose();
            certificate.Dispose();
        }
    }
}
