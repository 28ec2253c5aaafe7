using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Tests.Hosting;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Enrollment tokens and <c>POST /api/provision</c>: single use, expiry, site binding, replacement, secrets kept only as hashes.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ProvisioningApiTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SecureCloud _cloud = null!;

    [SetUp]
    public async Task SetUp() => _cloud = await SecureCloud.StartAsync("cloud-provision", services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(_time);
    });

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task Provision_ValidToken_DeviceIdBrokerAndOnlyHashesStored()
    {
        var token = await _cloud.CreateTokenAsync("th-bts-001");
        var secret = SecureCloud.NewSecret();
        var response = await _cloud.ProvisionAsync(token.Token, secret);

        var credential = await Service<IDeviceCredentialStore>().FindAsync(response.DeviceId, CancellationToken.None);
        var stored = await Service<IEnrollmentTokenStore>().FindAsync(token.Id, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(response.DeviceId, Does.Match("^gw-[a-z2-7]{12}$"));
            Assert.That(response.Username, Is.EqualTo(response.DeviceId));
            Assert.That(response.Site, Is.EqualTo("th-bts-001"));
            Assert.That(response.Broker.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(response.Broker.Port, Is.EqualTo(_cloud.MqttPort));
            Assert.That(response.Broker.Tls, Is.False);
            Assert.That(credential!.Hash, Does.StartWith("pbkdf2-sha256$10000$").And.Not.Contain(secret));
            Assert.That(stored!.Hash, Does.StartWith("pbkdf2-sha256$").And.Not.Contain(token.Token.Split('_')[2]));
            Assert.That(stored.UsedBy, Is.EqualTo(response.DeviceId));
        });
    }

    [Test]
    public async Task Provision_SameTokenTwice_SecondRefusedAsUsedNamingTheDevice()
    {
        var token = await _cloud.CreateTokenAsync("th-bts-001");
        var first = await _cloud.ProvisionAsync(token.Token, SecureCloud.NewSecret());
        using var second = await _cloud.PostProvisionAsync(token.Token, SecureCloud.NewSecret());
        var problem = await _cloud.ProblemAsync(second);
        Assert.Multiple(() =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("token_used"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(first.DeviceId).And.Contain("new token"));
        });
    }

    [Test]
    public async Task Provision_ExpiredToken_RefusedAsExpired()
    {
        var token = await _cloud.CreateTokenAsync("th-bts-001", validHours: 1);
        _time.Advance(TimeSpan.FromMinutes(61));
        using var response = await _cloud.PostProvisionAsync(token.Token, SecureCloud.NewSecret());
        var problem = await _cloud.ProblemAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("token_expired"));
        });
    }

    [TestCase("thet_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    [TestCase("not-a-token")]
    public async Task Provision_UnknownOrMalformedToken_RefusedAsUnknown(string token)
    {
        using var response = await _cloud.PostProvisionAsync(token, SecureCloud.NewSecret());
        var problem = await _cloud.ProblemAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("token_unknown"));
        });
    }

    [Test]
    public async Task Provision_RightTokenWrongSecretPart_RefusedAsUnknown()
    {
        var token = await _cloud.CreateTokenAsync(null);
        var forged = token.Token[..^4] + "aaaa";
        using var response = await _cloud.PostProvisionAsync(forged, SecureCloud.NewSecret());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Provision_SiteMismatch_RefusedAndTokenStillUsable()
    {
        var token = await _cloud.CreateTokenAsync("th-bts-001");
        using var wrong = await _cloud.PostProvisionAsync(token.Token, SecureCloud.NewSecret(), site: "th-bts-002");
        var problem = await _cloud.ProblemAsync(wrong);
        var right = await _cloud.ProvisionAsync(token.Token, SecureCloud.NewSecret(), site: "th-bts-001");
        Assert.Multiple(() =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("site_mismatch"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("th-bts-001").And.Contain("th-bts-002"));
            Assert.That(right.Site, Is.EqualTo("th-bts-001"));
        });
    }

    [Test]
    public async Task Provision_UnboundTokenWithSite_DeviceGetsThatSite()
    {
        var token = await _cloud.CreateTokenAsync(null);
        var response = await _cloud.ProvisionAsync(token.Token, SecureCloud.NewSecret(), site: "th-hamlet-07");
        Assert.That(response.Site, Is.EqualTo("th-hamlet-07"));
    }

    [Test]
    public async Task Provision_RevokedToken_RefusedAsRevoked()
    {
        var token = await _cloud.CreateTokenAsync("th-bts-001");
        using var revoke = await _cloud.Admin.DeleteAsync(new Uri($"/api/enrollment-tokens/{token.Id}", UriKind.Relative));
        using var response = await _cloud.PostProvisionAsync(token.Token, SecureCloud.NewSecret());
        var problem = await _cloud.ProblemAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("token_revoked"));
        });
    }

    [TestCase("short")]
    [TestCase("")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/")]
    public async Task Provision_WeakOrMalformedSecret_RefusedAndTokenNotSpent(string secret)
    {
        var token = await _cloud.CreateTokenAsync(null);
        using var response = await _cloud.PostProvisionAsync(token.Token, secret);
        var stored = await Service<IEnrollmentTokenStore>().FindAsync(token.Id, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(stored!.UsedAt, Is.Null);
        });
    }

    [Test]
    public async Task Provision_ReplacementAtSameSite_OldRevokedAndDisconnectedSiteMovesToNew()
    {
        var old = await _cloud.ProvisionDeviceAsync("th-bts-001");
        using var oldClient = await SecureMqtt.ConnectAsync(SecureMqtt.Options(_cloud.MqttPort, old.DeviceId, old.DeviceId, old.Secret).Build());
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        oldClient.DisconnectedAsync += _ =>
        {
            dropped.TrySetResult();
            return Task.CompletedTask;
        };

        var replacement = await _cloud.ProvisionAsync((await _cloud.CreateTokenAsync("th-bts-001")).Token, SecureCloud.NewSecret());
        await dropped.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var (again, result) = await SecureMqtt.TryConnectAsync(SecureMqtt.Options(_cloud.MqttPort, old.DeviceId, old.DeviceId, old.Secret));
        again.Dispose();
        var store = Service<IDeviceCredentialStore>();
        var oldCredential = await store.FindAsync(old.DeviceId, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(replacement.ReplacedDeviceId, Is.EqualTo(old.DeviceId));
            Assert.That(await store.DeviceAtSiteAsync("th-bts-001", CancellationToken.None), Is.EqualTo(replacement.DeviceId));
            Assert.That(oldCredential!.IsActive, Is.False);
            Assert.That(oldCredential.RevokedReason, Does.Contain(replacement.DeviceId));
            Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task BootstrapKey_FirstRun_OwnerOnlyFileAndNotRecreatedOnRestart()
    {
        var file = Path.Combine(_cloud.Host.DataDirectory, "security", "bootstrap-admin.key");
        var keys = await _cloud.Admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/api-keys", CloudHost.Json);
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(file)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(File.ReadAllText(file).Trim(), Does.Match("^thk_[a-z2-7]{12}_[a-z2-7]{32}$"));
            Assert.That(keys, Has.Count.EqualTo(1));
            Assert.That(keys![0].GetProperty("key").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "a listed key never shows the key");
        });
    }

    private T Service<T>()
        where T : notnull => _cloud.Host.Services.GetRequiredService<T>();
}
