using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

[TestFixture]
[Category("Unit")]
public sealed class DeviceIdAuthenticatorTests
{
    [Test]
    public async Task Authenticate_ValidDeviceId_Device()
    {
        var result = await Authenticator().AuthenticateAsync(new ConnectAttempt("gw-thoxuan-01", null, null, null), CancellationToken.None);
        Assert.That(result.Identity, Is.EqualTo(new ClientIdentity("gw-thoxuan-01", ClientRole.Device)));
    }

    [TestCase("GW-01")]
    [TestCase("gw/01")]
    [TestCase("")]
    public async Task Authenticate_InvalidDeviceId_RefusedWithReason(string clientId)
    {
        var result = await Authenticator().AuthenticateAsync(new ConnectAttempt(clientId, null, null, null), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Identity, Is.Null);
            Assert.That(result.Refusal, Does.Contain($"'{clientId}'"));
        });
    }

    [Test]
    public async Task Authenticate_ServiceIdWithWrongPassword_Refused()
    {
        var result = await Authenticator("s3cret").AuthenticateAsync(new ConnectAttempt("thiot-cloud", "x", "guess", null), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Identity, Is.Null);
            Assert.That(result.Refusal, Does.Not.Contain("s3cret"));
        });
    }

    [Test]
    public async Task Authenticate_ServiceIdWithPassword_Service()
    {
        var result = await Authenticator("s3cret").AuthenticateAsync(new ConnectAttempt("thiot-cloud", "x", "s3cret", null), CancellationToken.None);
        Assert.That(result.Identity?.Role, Is.EqualTo(ClientRole.Service));
    }

    private static DeviceIdAuthenticator Authenticator(string? servicePassword = null) =>
        new(Options.Create(new BrokerOptions { ServicePassword = servicePassword }));
}
