using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

[TestFixture]
[Category("Unit")]
public sealed class BrokerOptionsValidatorTests
{
    private readonly BrokerOptionsValidator _validator = new();

    [Test]
    public void Validate_Defaults_Succeeds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_validator.Validate(null, new BrokerOptions()).Succeeded, Is.True);
            Assert.That(_validator.Validate(null, new BrokerOptions { Mode = BrokerMode.External }).Succeeded, Is.True);
        });
    }

    [Test]
    public void Validate_BadEmbeddedSettings_NamesEachKeyAndValue()
    {
        var result = _validator.Validate(null, new BrokerOptions { Port = 70000, BindAddress = "localhost", MaxPendingMessagesPerClient = 250 });
        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "Broker:Port 70000 is not a TCP port; use 1-65535 (1883 is the MQTT default).",
            "Broker:BindAddress 'localhost' is not an IP address; use e.g. 127.0.0.1, 0.0.0.0 or ::1.",
            "Broker:MaxPendingMessagesPerClient 250 is too low (the broker drops the oldest message beyond it); use 1000 or more.",
        }));
    }

    [Test]
    public void Validate_ExternalSharedGroupWithSlash_Fails()
    {
        var options = new BrokerOptions { Mode = BrokerMode.External, External = new ExternalBrokerOptions { SharedGroup = "a/b" } };
        Assert.That(_validator.Validate(null, options).FailureMessage, Does.Contain("Broker:External:SharedGroup 'a/b'"));
    }

    [Test]
    public void Validate_ExternalZeroSessionExpiry_Fails()
    {
        var options = new BrokerOptions { Mode = BrokerMode.External, External = new ExternalBrokerOptions { SessionExpirySeconds = 0 } };
        Assert.That(_validator.Validate(null, options).FailureMessage, Does.Contain("SessionExpirySeconds is 0"));
    }

    [TestCase(0)]
    [TestCase(70000)]
    public void Validate_ExternalControlMaxInFlightOutOfRange_Fails(int controlMaxInFlight)
    {
        var options = new BrokerOptions { Mode = BrokerMode.External, External = new ExternalBrokerOptions { ControlMaxInFlight = controlMaxInFlight } };
        Assert.That(_validator.Validate(null, options).FailureMessage, Does.Contain($"Broker:External:ControlMaxInFlight {controlMaxInFlight} must be between 1 and 65535"));
    }
}
