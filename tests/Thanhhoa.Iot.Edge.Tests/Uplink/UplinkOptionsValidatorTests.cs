using NUnit.Framework;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
[Category("Unit")]
public sealed class UplinkOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        Assert.That(new UplinkOptionsValidator().Validate(null, new UplinkOptions()).Succeeded, Is.True);
    }

    [Test]
    public void Validate_BadValues_NameEachKeyAndValue()
    {
        var options = new UplinkOptions { Port = 0, Password = "s3cret", BackoffMin = TimeSpan.FromSeconds(10), BackoffMax = TimeSpan.FromSeconds(1) };

        var result = new UplinkOptionsValidator().Validate(null, options);

        Assert.That(result.Failures, Has.Some.Contains("Uplink:Port 0"));
        Assert.That(result.Failures, Has.Some.Contains("Uplink:Username is empty"));
        Assert.That(result.Failures, Has.Some.Contains("Uplink:BackoffMax 00:00:01"));
        Assert.That(result.FailureMessage, Does.Not.Contain("s3cret"), "a secret never appears in an error");
    }
}
