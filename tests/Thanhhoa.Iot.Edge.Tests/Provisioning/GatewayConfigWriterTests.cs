using System.Runtime.Versioning;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Provisioning;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Provisioning;

[TestFixture]
[Category("Unit")]
[UnsupportedOSPlatform("windows")]
public sealed class GatewayConfigWriterTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("config-writer");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Write_NewFile_IdentityBrokerAndCredentialPaths()
    {
        var file = _dir.File("appsettings.json");
        GatewayConfigWriter.Write(file, Settings(tls: true));
        var root = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("Gateway").GetProperty("DeviceId").GetString(), Is.EqualTo("gw-abc"));
            Assert.That(root.GetProperty("Gateway").GetProperty("Site").GetString(), Is.EqualTo("th-bts-001"));
            Assert.That(root.GetProperty("Uplink").GetProperty("Host").GetString(), Is.EqualTo("mqtt.example.vn"));
            Assert.That(root.GetProperty("Uplink").GetProperty("Port").GetInt32(), Is.EqualTo(8883));
            Assert.That(root.GetProperty("Uplink").GetProperty("Username").GetString(), Is.EqualTo("gw-abc"));
            Assert.That(root.GetProperty("Uplink").GetProperty("UseTls").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("Uplink").GetProperty("PasswordFile").GetString(), Is.EqualTo("/data/credentials/device.secret"));
            Assert.That(root.GetProperty("Uplink").GetProperty("CaCertificateFile").GetString(), Is.EqualTo("/data/credentials/broker-ca.pem"));
            Assert.That(File.GetUnixFileMode(file) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite), Is.EqualTo(UnixFileMode.None));
        });
    }

    [Test]
    public void Write_ExistingFile_KeepsOtherSettingsReplacesIdentityDropsClearPassword()
    {
        var file = _dir.File("appsettings.json");
        File.WriteAllText(file, """
            {
              // the site's sensor profile stays
              "gateway": { "deviceId": "old-id", "DataDirectory": "/var/lib/thgw" },
              "uplink": { "host": "old-host", "password": "clear-text", "KeepAlive": "00:00:20", "CaCertificateFile": "/old/ca.pem" },
              "Sensing": { "ReadTimeout": "00:00:03" },
            }
            """);
        GatewayConfigWriter.Write(file, Settings(tls: false));
        var text = File.ReadAllText(file);
        var root = JsonDocument.Parse(text).RootElement;
        var uplink = root.EnumerateObject().Single(p => p.Name.Equals("Uplink", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Count(p => p.Name.Equals("Gateway", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
            Assert.That(text, Does.Not.Contain("clear-text").And.Not.Contain("old-id").And.Not.Contain("/old/ca.pem"));
            Assert.That(uplink.GetProperty("KeepAlive").GetString(), Is.EqualTo("00:00:20"));
            Assert.That(root.GetProperty("Sensing").GetProperty("ReadTimeout").GetString(), Is.EqualTo("00:00:03"));
            Assert.That(uplink.GetProperty("UseTls").GetBoolean(), Is.False);
        });
    }

    [Test]
    public void Write_FileIsNotJson_LocalWriteFailureNamingTheFile()
    {
        var file = _dir.File("appsettings.json");
        File.WriteAllText(file, "not json");
        var error = Assert.Throws<ProvisioningException>(() => GatewayConfigWriter.CheckWritable(file));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Failure, Is.EqualTo(ProvisioningFailure.LocalWrite));
            Assert.That(error.Message, Does.Contain(file));
        });
    }

    private static GatewaySettings Settings(bool tls) => new(
        "gw-abc", "th-bts-001", "/data", new ProvisionedBroker("mqtt.example.vn", tls ? 8883 : 1883, tls, tls ? "PEM" : null), "gw-abc",
        new StoredCredentials("/data/credentials", "/data/credentials/device.secret", tls ? "/data/credentials/broker-ca.pem" : null));
}
