using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Provisioning;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Provisioning;

/// <summary>The gateway's side of <c>POST /api/provision</c> over real HTTP: the request it sends and how it reads every answer.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ProvisioningClientTests
{
    private const string Reply = """{"deviceId":"gw-abc","username":"gw-abc","site":"s1","broker":{"host":"127.0.0.1","port":8883,"tls":true,"caCertificatePem":"PEM"},"replacedDeviceId":null}""";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [OneTimeTearDown]
    public void Dispose() => _http.Dispose();

    [Test]
    public async Task Provision_Accepted_SendsTokenSecretSiteAndReadsTheReply()
    {
        using var cloud = new ScriptedCloud(200, Reply);
        var reply = await new ProvisioningClient(_http).ProvisionAsync(cloud.Url, new ProvisionRequestBody("thet_x", "secret", "s1", "1.0"), CancellationToken.None);
        var sent = cloud.Requests.Single();
        var body = JsonDocument.Parse(sent[(sent.IndexOf('{', StringComparison.Ordinal))..]).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(sent, Does.StartWith("POST /api/provision "));
            Assert.That(body.GetProperty("token").GetString(), Is.EqualTo("thet_x"));
            Assert.That(body.GetProperty("secret").GetString(), Is.EqualTo("secret"));
            Assert.That(body.GetProperty("site").GetString(), Is.EqualTo("s1"));
            Assert.That(reply.DeviceId, Is.EqualTo("gw-abc"));
            Assert.That(reply.Broker, Is.EqualTo(new ProvisionedBroker("127.0.0.1", 8883, true, "PEM")));
        });
    }

    [TestCase(401, "token_unknown", ProvisioningFailure.TokenUnknown)]
    [TestCase(409, "token_used", ProvisioningFailure.TokenUsed)]
    [TestCase(410, "token_expired", ProvisioningFailure.TokenExpired)]
    [TestCase(410, "token_revoked", ProvisioningFailure.TokenRevoked)]
    [TestCase(409, "site_mismatch", ProvisioningFailure.SiteMismatch)]
    [TestCase(503, "broker_unavailable", ProvisioningFailure.CloudError)]
    public async Task Provision_Refused_FailureFromTheCodeWithTheCloudsDetail(int status, string code, ProvisioningFailure expected)
    {
        using var cloud = new ScriptedCloud(status, $$"""{"title":"t","detail":"what to do next","code":"{{code}}"}""");
        var error = await Refusal(cloud.Url);
        Assert.Multiple(() =>
        {
            Assert.That(error.Failure, Is.EqualTo(expected));
            Assert.That(error.Message, Does.Contain("what to do next").And.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [TestCase(500, "<html>oops</html>")]
    [TestCase(200, "{\"something\":\"else\"}")]
    public async Task Provision_NotACloudAnswer_CloudError(int status, string body)
    {
        using var cloud = new ScriptedCloud(status, body);
        Assert.That((await Refusal(cloud.Url)).Failure, Is.EqualTo(ProvisioningFailure.CloudError));
    }

    [Test]
    public async Task Provision_NobodyListening_CloudUnreachable()
    {
        var error = await Refusal(new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"));
        Assert.That(error.Failure, Is.EqualTo(ProvisioningFailure.CloudUnreachable));
    }

    [TestCase("http://iot.example.vn/", false)]
    [TestCase("http://10.0.0.5:8080/", false)]
    [TestCase("https://iot.example.vn/", true)]
    [TestCase("http://127.0.0.1:8080/", true)]
    [TestCase("http://localhost:8080/", true)]
    [TestCase("http://[::1]:8080/", true)]
    public void IsAcceptableUrl_PlainHttpOnlyToLoopback(string url, bool acceptable) =>
        Assert.That(ProvisioningClient.IsAcceptableUrl(new Uri(url)), Is.EqualTo(acceptable));

    [Test]
    public async Task Provision_PlainHttpToAnotherMachine_RefusedBeforeSendingAnything()
    {
        var error = await Refusal(new Uri("http://192.0.2.1:9/"));
        Assert.That(error.Failure, Is.EqualTo(ProvisioningFailure.InsecureUrl));
    }

    private async Task<ProvisioningException> Refusal(Uri cloud)
    {
        try
        {
            await new ProvisioningClient(_http).ProvisionAsync(cloud, new ProvisionRequestBody("thet_x", "secret", null, null), CancellationToken.None);
        }
        catch (ProvisioningException ex)
        {
            return ex;
        }

        throw new AssertionException("provisioning was expected to fail");
    }
}
