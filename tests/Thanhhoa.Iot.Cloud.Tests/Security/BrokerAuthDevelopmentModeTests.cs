using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// <c>POST /api/broker/auth</c> in <c>Security:Mode=Development</c>, where a never-provisioned device may connect
/// without a secret: that leniency must not let a client take the service user name (whose sessions the ACL
/// check treats as the cloud's) without its password.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class BrokerAuthDevelopmentModeTests
{
    private const string Secret = "broker-shared-secret-0123456789";
    private const string IngestUser = "thiot-ingest";

    [Test]
    public async Task Auth_ServiceUserNameWithoutItsPassword_DenyWhileUnprovisionedDevicesStillConnect()
    {
        using var dir = new TempDirectory("cloud-brokerauth-dev");
        await using var cloud = await CloudHost.StartEmbeddedAsync(dir.Path, "--Security:Mode=Development", $"--Security:BrokerAuthSecret={Secret}",
            $"--Broker:External:Username={IngestUser}", "--Broker:External:Password=ingest-password-0123456789", "--Broker:External:ClientId=thiot-ingest-node1");
        using var http = new HttpClient { BaseAddress = cloud.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Broker-Secret", Secret);
        Assert.Multiple(async () =>
        {
            Assert.That(await AuthAsync(http, "thiot-ingest-node1", IngestUser, string.Empty), Is.EqualTo("deny"));
            Assert.That(await AuthAsync(http, "thiot-ingest-node1-downlink", IngestUser, "guessed-password"), Is.EqualTo("deny"));
            Assert.That(await AuthAsync(http, "gw-demo-1", "gw-demo-1", string.Empty), Is.EqualTo("allow"));
        });
    }

    private static async Task<string?> AuthAsync(HttpClient http, string clientId, string username, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/broker/auth", new { clientid = clientId, username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
    }
}
