using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Security;

/// <summary>
/// The technician's flow with real processes and the production security default (enforced, MQTT over
/// TLS with the cloud's CA): an admin creates a token, <c>thgw provision</c> enrolls the gateway, <c>thgw
/// run</c> comes online under the right site; the token works once; no secret reaches any log.
/// </summary>
[TestFixture]
[Category("Integration")]
[UnsupportedOSPlatform("windows")]
public sealed class ProvisionFlowTests
{
    private static readonly TimeSpan Online = TimeSpan.FromSeconds(60);
    private TempDirectory _dir = null!;
    private CloudProcess _cloud = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("e2e-provision");
        _cloud = await CloudProcess.StartAsync(_dir.File("cloud"),
            "--Security:Mode=Enforced", "--Broker:Tls:Enabled=true", $"--Broker:Tls:Port={FreeTcpPort.Next()}",
            "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Information");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _cloud.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Provision_TokenThenRun_OnlineUnderItsSiteTokenRefusedTwiceNoSecretInAnyLog()
    {
        var token = await CreateTokenAsync("th-bts-042");
        await using var gateway = new ProvisionedGateway(_dir.File("gw1"));
        var provision = await gateway.ProvisionAsync(_cloud.BaseAddress, token, "th-bts-042");
        Assert.That(provision.ExitCode, Is.EqualTo(0), provision.Text);
        var deviceId = DeviceIdOf(gateway);

        gateway.Start();
        var device = await Eventually.UntilAsync(() => _cloud.Api.DeviceAsync(deviceId), d => d is { Online: true }, Online, $"{deviceId} online");
        await using var second = new ProvisionedGateway(_dir.File("gw-again"));
        var again = await second.ProvisionAsync(_cloud.BaseAddress, token, "th-bts-042");

        var secret = File.ReadAllText(gateway.SecretFile).Trim();
        string[] secrets = [secret, token, token.Split('_')[2], _cloud.AdminKey!, _cloud.AdminKey!.Split('_')[2]];
        var stopped = await gateway.Run.StopAsync(TimeSpan.FromSeconds(30)); // what systemd's stop does: SIGTERM
        var logs = _cloud.Process.Output.Concat(provision.Lines).Concat(again.Lines).Concat(gateway.Run.Output).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stopped, Is.Zero, "a clean SIGTERM exits 0, so systemd does not count it a failure: " + gateway.Run.Tail(10));
            Assert.That(provision.Stdout, Has.Some.Contains($"this gateway is device {deviceId} at site th-bts-042").And.Some.Contains("(TLS)"));
            Assert.That(File.GetUnixFileMode(gateway.SecretFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(gateway.SecretFile)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(device!.Site, Is.EqualTo("th-bts-042"));
            Assert.That(again.ExitCode, Is.EqualTo(10), again.Text);
            Assert.That(again.Stdout, Has.Some.Contains("FAIL token: it was already used").And.Some.Contains(deviceId));
            Assert.That(again.Stdout, Has.Some.Contains("ask the IOC for a new one"));
            foreach (var s in secrets)
            {
                Assert.That(logs.Where(l => l.Contains(s, StringComparison.Ordinal)), Is.Empty, "a secret appeared in a log");
            }
        });
    }

    [Test]
    public async Task Provision_ReplacementAtSameSite_NewGatewayOnlineOldOneCutOffSiteKept()
    {
        await using var old = new ProvisionedGateway(_dir.File("old"));
        Assert.That((await old.ProvisionAsync(_cloud.BaseAddress, await CreateTokenAsync("th-bts-007"), null)).ExitCode, Is.EqualTo(0));
        var oldId = DeviceIdOf(old);
        old.Start();
        await Eventually.UntilAsync(() => _cloud.Api.DeviceAsync(oldId), d => d is { Online: true }, Online, $"{oldId} online");

        await using var replacement = new ProvisionedGateway(_dir.File("new"));
        var provision = await replacement.ProvisionAsync(_cloud.BaseAddress, await CreateTokenAsync("th-bts-007"), "th-bts-007", language: "vi");
        var newId = DeviceIdOf(replacement);
        replacement.Start();
        var online = await Eventually.UntilAsync(() => _cloud.Api.DeviceAsync(newId), d => d is { Online: true }, Online, $"{newId} online");
        var cutOff = await Eventually.UntilAsync(() => _cloud.Api.DeviceAsync(oldId), d => d is { Online: false }, Online, $"{oldId} offline after revocation");
        var credentials = await _cloud.Api.Http.GetFromJsonAsync<List<JsonElement>>("/api/device-credentials");
        Assert.Multiple(() =>
        {
            Assert.That(provision.Stdout, Has.Some.Contains($"đã thay gateway {oldId}"), provision.Text);
            Assert.That(online!.Site, Is.EqualTo("th-bts-007"));
            Assert.That(cutOff!.Online, Is.False);
            Assert.That(credentials!.Single(c => c.GetProperty("deviceId").GetString() == oldId).GetProperty("active").GetBoolean(), Is.False);
            Assert.That(old.Run.Output, Has.Some.Contains("revoked"), "the old gateway's log says why it is refused");
        });
    }

    private static string DeviceIdOf(ProvisionedGateway gateway) =>
        JsonDocument.Parse(File.ReadAllText(gateway.ConfigFile)).RootElement.GetProperty("Gateway").GetProperty("DeviceId").GetString()!;

    private async Task<string> CreateTokenAsync(string site)
    {
        using var response = await _cloud.Api.Http.PostAsJsonAsync("/api/enrollment-tokens", new { site });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
