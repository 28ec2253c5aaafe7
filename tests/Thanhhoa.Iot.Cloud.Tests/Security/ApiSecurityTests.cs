using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>API keys (bad, revoked, bootstrap across restarts), the audit log, and what development mode allows.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ApiSecurityTests
{
    [Test]
    public async Task Request_MalformedOrUnknownKey_Unauthorized()
    {
        await using var cloud = await SecureCloud.StartAsync("cloud-keys");
        using var malformed = cloud.WithKey("letmein");
        using var unknown = cloud.WithKey("thk_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        using var first = await malformed.GetAsync(new Uri("/api/devices", UriKind.Relative));
        using var second = await unknown.GetAsync(new Uri("/api/devices", UriKind.Relative));
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(second.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("POST /api/api-keys"));
        });
    }

    [Test]
    public async Task Request_KeyRevokedAfterUse_RefusedAtOnce()
    {
        await using var cloud = await SecureCloud.StartAsync("cloud-keys");
        using var created = await cloud.Admin.PostAsJsonAsync("/api/api-keys", new { name = "ops", role = "Operator" });
        var key = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var client = cloud.WithKey(key.GetProperty("key").GetString()!);
        using var before = await client.GetAsync(new Uri("/api/devices", UriKind.Relative)); // now cached as verified
        using var revoke = await cloud.Admin.DeleteAsync(new Uri($"/api/api-keys/{key.GetProperty("id").GetString()}", UriKind.Relative));
        using var after = await client.GetAsync(new Uri("/api/devices", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Restart_SameDataDirectory_BootstrapKeyKeptAndNoSecondKey()
    {
        using var dir = new TempDirectory("cloud-restart");
        string first;
        await using (var cloud = await CloudHost.StartEmbeddedAsync(dir.Path, "--Security:Mode=Enforced"))
        {
            first = cloud.AdminKey!;
        }

        await using var again = await CloudHost.StartEmbeddedAsync(dir.Path, "--Security:Mode=Enforced");
        var keys = await again.GetJsonAsync<List<JsonElement>>("/api/api-keys");
        Assert.Multiple(() =>
        {
            Assert.That(again.AdminKey, Is.EqualTo(first));
            Assert.That(keys, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Audit_Writes_RecordedWithActorAndDetailRefusalsTooNoSecrets()
    {
        await using var cloud = await SecureCloud.StartAsync("cloud-audit");
        var technicianKey = await cloud.CreateKeyAsync(ApiRole.Technician, "site-a");
        using var technician = cloud.WithKey(technicianKey);
        using var allowed = await technician.PostAsJsonAsync("/api/enrollment-tokens", new { site = "site-a" });
        var token = (await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var refused = await technician.PostAsJsonAsync("/api/enrollment-tokens", new { site = "site-b" });
        var secret = SecureCloud.NewSecret();
        var device = await cloud.ProvisionAsync(token, secret);

        var audit = await cloud.Host.GetJsonAsync<List<JsonElement>>("/api/audit");
        var text = JsonSerializer.Serialize(audit);
        var rows = audit.Select(e => (Actor: e.GetProperty("actor").GetString()!, Path: e.GetProperty("path").GetString()!, Status: e.GetProperty("status").GetInt32(),
            Detail: e.GetProperty("detail").ValueKind == JsonValueKind.String ? e.GetProperty("detail").GetString()! : string.Empty)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Some.Matches<(string Actor, string Path, int Status, string Detail)>(r => r.Actor.Contains("'test-Technician'") && r.Status == 201 && r.Detail.Contains("site-a")));
            Assert.That(rows, Has.Some.Matches<(string Actor, string Path, int Status, string Detail)>(r => r.Actor.Contains("'test-Technician'") && r.Status == 403));
            Assert.That(rows, Has.Some.Matches<(string Actor, string Path, int Status, string Detail)>(r => r.Actor.StartsWith("enrollment-token:") && r.Path == "/api/provision" && r.Detail.Contains(device.DeviceId)));
            Assert.That(rows, Has.Some.Matches<(string Actor, string Path, int Status, string Detail)>(r => r.Path == "/api/api-keys" && r.Status == 201));
            Assert.That(text, Does.Not.Contain(token).And.Not.Contain(secret).And.Not.Contain(technicianKey).And.Not.Contain(cloud.Host.AdminKey!));
        });
    }

    [Test]
    public async Task DevelopmentMode_AnonymousReadsButCannotWrite()
    {
        using var dir = new TempDirectory("cloud-dev");
        await using var cloud = await CloudHost.StartEmbeddedAsync(dir.Path, "--Security:Mode=Development");
        using var anonymous = new HttpClient { BaseAddress = cloud.BaseAddress };
        using var read = await anonymous.GetAsync(new Uri("/api/devices", UriKind.Relative));
        using var write = await anonymous.PostAsJsonAsync("/api/enrollment-tokens", new { site = "x" });
        using var keys = await anonymous.GetAsync(new Uri("/api/api-keys", UriKind.Relative));
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "thk_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        using var badKey = await anonymous.GetAsync(new Uri("/api/devices", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(keys.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(badKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a wrong key is refused even in development mode");
        });
    }

    [Test]
    public async Task DevelopmentMode_UnprovisionedDeviceConnectsButProvisionedOneNeedsItsSecret()
    {
        using var dir = new TempDirectory("cloud-dev");
        await using var cloud = await CloudHost.StartEmbeddedAsync(dir.Path, "--Security:Mode=Development");
        using var tokenResponse = await cloud.Http.PostAsJsonAsync("/api/enrollment-tokens", new { site = "s" });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = cloud.BaseAddress };
        using var provisioned = await anonymous.PostAsJsonAsync("/api/provision", new { token, secret = SecureCloud.NewSecret() });
        var deviceId = (await provisioned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceId").GetString()!;

        var (free, freeResult) = await SecureMqtt.TryConnectAsync(SecureMqtt.Options(cloud.MqttPort, "sim-0001", null, null));
        var (claimed, claimedResult) = await SecureMqtt.TryConnectAsync(SecureMqtt.Options(cloud.MqttPort, deviceId, null, null));
        free.Dispose();
        claimed.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(freeResult, Is.EqualTo(MqttClientConnectResultCode.Success));
            Assert.That(claimedResult, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
        });
    }
}
