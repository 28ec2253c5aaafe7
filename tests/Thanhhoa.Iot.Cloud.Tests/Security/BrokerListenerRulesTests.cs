using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Plain MQTT only on loopback unless Broker:AllowPlainTcp; TLS settings that hang together.</summary>
[TestFixture]
[Category("Unit")]
public sealed class BrokerListenerRulesTests
{
    [Test]
    public void Validate_PlainOnAllInterfaces_RefusedNamingTheFix()
    {
        var result = Validate(new BrokerOptions { BindAddress = "0.0.0.0", Port = 1883 });
        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("Broker:Tls:Enabled=true").And.Contain("Broker:AllowPlainTcp=true").And.Contain("0.0.0.0"));
        });
    }

    [Test]
    public void Validate_PlainOnAllInterfacesExplicitlyAllowed_Accepted() =>
        Assert.That(Validate(new BrokerOptions { BindAddress = "0.0.0.0", AllowPlainTcp = true }).Succeeded, Is.True);

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    public void Validate_PlainOnLoopback_Accepted(string address) =>
        Assert.That(Validate(new BrokerOptions { BindAddress = address }).Succeeded, Is.True);

    [Test]
    public void Validate_TlsOnlyOnAllInterfaces_Accepted() =>
        Assert.That(Validate(new BrokerOptions { BindAddress = "0.0.0.0", Port = 0, Tls = { Enabled = true, Port = 8883 } }).Succeeded, Is.True);

    [Test]
    public void Validate_NoListenerAtAll_Refused() =>
        Assert.That(Validate(new BrokerOptions { Port = 0 }).Failed, Is.True);

    [Test]
    public void Validate_TlsSamePortAsPlain_Refused() =>
        Assert.That(Validate(new BrokerOptions { Port = 8883, Tls = { Enabled = true, Port = 8883 } }).FailureMessage, Does.Contain("own port"));

    [Test]
    public void Validate_ServerCertificateWithoutItsCa_Refused()
    {
        var result = Validate(new BrokerOptions { Tls = { Enabled = true, CertificateFile = "/nonexistent/server.crt", KeyFile = "/nonexistent/server.key" } });
        Assert.That(result.FailureMessage, Does.Contain("CaCertificateFile").And.Contain("does not exist"));
    }

    [Test]
    public void Validate_BadHostName_Refused() =>
        Assert.That(Validate(new BrokerOptions { Tls = { Enabled = true, HostNames = ["ok.example", "not a name"] } }).FailureMessage, Does.Contain("'not a name'"));

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(BrokerOptions options) => new BrokerOptionsValidator().Validate(null, options);
}
