using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary><c>POST /api/broker/auth</c> and <c>/api/broker/acl</c>, as EMQX-like brokers call them.</summary>
[TestFixture]
[Category("Integration")]
public sealed class BrokerAuthApiTests
{
    private const string Secret = "broker-shared-secret-0123456789";
    private const string IngestUser = "thiot-ingest";
    private const string IngestPassword = "ingest-password-0123456789";
    private const string Group = "thiot";
    private SecureCloud _cloud = null!;
    private ProvisionedDevice _a = null!;
    private ProvisionedDevice _b = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cloud = await SecureCloud.StartAsync("cloud-brokerauth", $"--Security:BrokerAuthSecret={Secret}",
            $"--Broker:External:Username={IngestUser}", $"--Broker:External:Password={IngestPassword}", "--Broker:External:ClientId=thiot-ingest-node1", $"--Broker:External:SharedGroup={Group}");
        _a = await _cloud.ProvisionDeviceAsync("site-a");
        _b = await _cloud.ProvisionDeviceAsync("site-b");
        await RegisterMembersAsync(_cloud.Host.Services.GetRequiredService<ILeaseStore>());
    }

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task Auth_OwnCredentials_Allow() => Assert.That(await AuthAsync(_a.DeviceId, _a.DeviceId, _a.Secret), Is.EqualTo("allow"));

    [Test]
    public async Task Auth_WrongSecretOrAnotherId_Deny()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await AuthAsync(_a.DeviceId, _a.DeviceId, SecureCloud.NewSecret()), Is.EqualTo("deny"));
            Assert.That(await AuthAsync(_b.DeviceId, _b.DeviceId, _a.Secret), Is.EqualTo("deny"));
            Assert.That(await AuthAsync("gw-unknown", "gw-unknown", _a.Secret), Is.EqualTo("deny"));
        });
    }

    [TestCase("thiot-ingest-node1", "allow")]
    [TestCase("thiot-ingest-node1-control", "allow")]
    [TestCase("thiot-ingest-node1-downlink", "allow")]
    [TestCase("thiot-ingest-node1-other", "deny")]
    [TestCase("thiot-ingest-node2", "allow")]
    [TestCase("thiot-ingest-node2-control", "allow")]
    [TestCase("thiot-ingest-node2-downlink", "allow")]
    [TestCase("thiot-ingest-node3", "allow")]
    [TestCase("thiot-ingest-node3-control", "allow")]
    [TestCase("thiot-ingest-node4", "deny")]
    [TestCase("thiot-ingest-node5", "deny")]
    [TestCase("thiot-ingest-node9", "deny")]
    public async Task Auth_ServiceLogin_AllowsThisNodesAndRegisteredMembersIdsOnly(string clientId, string expected) =>
        Assert.That(await AuthAsync(clientId, IngestUser, IngestPassword), Is.EqualTo(expected));

    [TestCase("thiot-ingest-node1")]
    [TestCase("thiot-ingest-node2-control")]
    [TestCase("thiot-ingest-node9")]
    public async Task Auth_ServiceUserNameWithWrongPassword_Deny(string clientId) =>
        Assert.That(await AuthAsync(clientId, IngestUser, "wrong-password-0123456789"), Is.EqualTo("deny"));

    [TestCase("thiot-ingest-node2-control", "subscribe", "$share/thiot-control/thiot/v1/+/up/events", "allow")]
    [TestCase("thiot-ingest-node3", "subscribe", "$share/thiot/thiot/v1/+/up/telemetry", "allow")]
    [TestCase("thiot-ingest-node2-downlink", "publish", "thiot/v1/{a}/down/cmd", "allow")]
    [TestCase("thiot-ingest-node4", "subscribe", "$share/thiot/thiot/v1/+/up/telemetry", "deny")]
    [TestCase("thiot-ingest-node9-downlink", "publish", "thiot/v1/{a}/down/cmd", "deny")]
    [TestCase("{a}", "publish", "thiot/v1/{b}/up/telemetry", "deny")]
    public async Task Acl_ServiceUserName_ServiceRightsOnlyForThisNodesAndMembersIds(string clientId, string action, string topic, string expected) =>
        Assert.That(await AclAsync(Fill(clientId), IngestUser, Fill(topic), action), Is.EqualTo(expected));

    [TestCase("thiot-ingest-node2", "subscribe", "$share/thiot/thiot/v1/+/up/telemetry")]
    [TestCase("thiot-ingest-node2-downlink", "publish", "thiot/v1/{b}/down/cmd")]
    public async Task Acl_DeviceUserNameWithAMembersClientId_Deny(string clientId, string action, string topic) =>
        Assert.That(await AclAsync(clientId, _a.DeviceId, Fill(topic), action), Is.EqualTo("deny"));

    [TestCase("publish", "thiot/v1/{a}/up/telemetry", "allow")]
    [TestCase("publish", "thiot/v1/{b}/up/telemetry", "deny")]
    [TestCase("publish", "thiot/v1/{a}/down/cmd", "deny")]
    [TestCase("subscribe", "thiot/v1/{a}/down/#", "allow")]
    [TestCase("subscribe", "thiot/v1/{b}/down/#", "deny")]
    [TestCase("subscribe", "thiot/v1/+/down/#", "deny")]
    [TestCase("subscribe", "#", "deny")]
    [TestCase("delete", "thiot/v1/{a}/up/telemetry", "deny")]
    public async Task Acl_Device_OwnTopicsOnly(string action, string topic, string expected)
    {
        Assert.That(await AclAsync(_a.DeviceId, _a.DeviceId, Fill(topic), action), Is.EqualTo(expected));
    }

    [Test]
    public async Task Acl_UserNameNotTheClientId_Deny()
    {
        using var response = await PostAsync("/api/broker/acl", new { clientid = _a.DeviceId, username = _b.DeviceId, topic = $"thiot/v1/{_a.DeviceId}/up/state", action = "publish" }, Secret);
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString(), Is.EqualTo("deny"));
    }

    [TestCase(null)]
    [TestCase("wrong-secret-wrong-secret")]
    public async Task Call_WithoutTheSharedSecret_Unauthorized(string? secret)
    {
        using var response = await PostAsync("/api/broker/auth", new { clientid = _a.DeviceId, username = _a.DeviceId, password = _a.Secret }, secret);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    // Node 2 is alive; node 3 died an hour ago and node 2 adopted it; node 4 died an hour ago and was handed back
    // or never adopted; node 5 belongs to another shared group. Names as IngestMembership writes them.
    private static async Task RegisterMembersAsync(ILeaseStore leases)
    {
        var live = TimeSpan.FromMinutes(1);
        var ranOutAnHourAgo = TimeSpan.FromHours(-1);
        await leases.TryAcquireAsync($"ingest-member/{Group}/thiot-ingest-node2", "thiot-ingest-node2", live, CancellationToken.None);
        await leases.TryAcquireAsync($"ingest-member/{Group}/thiot-ingest-node3", "thiot-ingest-node3", ranOutAnHourAgo, CancellationToken.None);
        await leases.TryAcquireAsync($"ingest-adopt/{Group}/thiot-ingest-node3", "node-2", live, CancellationToken.None);
        await leases.TryAcquireAsync($"ingest-member/{Group}/thiot-ingest-node4", "thiot-ingest-node4", ranOutAnHourAgo, CancellationToken.None);
        await leases.TryAcquireAsync("ingest-member/other-group/thiot-ingest-node5", "thiot-ingest-node5", live, CancellationToken.None);
    }

    private string Fill(string text) => text.Replace("{a}", _a.DeviceId, StringComparison.Ordinal).Replace("{b}", _b.DeviceId, StringComparison.Ordinal);

    private async Task<string?> AclAsync(string clientId, string username, string topic, string action)
    {
        using var response = await PostAsync("/api/broker/acl", new { clientid = clientId, username, topic, action }, Secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
    }

    private async Task<string?> AuthAsync(string clientId, string username, string password)
    {
        using var response = await PostAsync("/api/broker/auth", new { clientid = clientId, username, password }, Secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (secret is not null)
        {
            request.Headers.Add("X-Broker-Secret", secret);
        }

        return _cloud.Anonymous.SendAsync(request);
    }
}
