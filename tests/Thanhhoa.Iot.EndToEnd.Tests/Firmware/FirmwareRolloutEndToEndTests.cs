using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Firmware;

/// <summary>
/// A firmware rollout end to end with both real sides: the cloud process stores a signed bundle and runs the
/// rollout; a real <c>thgw run</c> process takes <c>down/firmware</c>, downloads the bundle through the rollout's
/// token URL, verifies it, installs it into slot b and asks for a restart. The test plays systemd: it stops the
/// process and starts it again on the same slots (the same build: what runs is the slot state's version, the
/// executable in the slot is a placeholder). The restarted gateway passes its health check, commits, and
/// reports the new version — in its birth and to the rollout.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class FirmwareRolloutEndToEndTests
{
    private const string Device = "gw-fw-e2e";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Rollout_RealGatewayAndCloud_DownloadedInstalledRestartedCommittedNewVersionReported()
    {
        using var dir = new TempDirectory("e2e-firmware");
        var key = BundleKeyPair.Generate();
        var pub = dir.File("trusted.pub.pem");
        await File.WriteAllTextAsync(pub, key.PublicKeyPem);
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"), $"--Artifacts:TrustedKeys:0={pub}", "--Rollouts:TickInterval=00:00:01");
        var api = cloud.Api.Http;

        var artifact = await UploadAsync(api, Bundle(dir, key, "2.0.0"));

        // The installed layout (packaging/thgw.service): /opt/thgw/slots/a holds the running version, current → slots/a.
        Directory.CreateDirectory(dir.File("slots/slots/a"));
        await File.WriteAllTextAsync(dir.File("slots/slots/a/thgw"), "#!/bin/sh\necho thgw 1.0.0\n");
        File.CreateSymbolicLink(dir.File("slots/current"), Path.Combine("slots", "a"));
        var env = GatewayEnvironment(dir, cloud.MqttPort, pub);
        var gateway = ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), ["run"], env, "thgw run 1.0.0");
        try
        {
            await Eventually.UntilAsync(() => FirmwareAsync(api), fw => fw == "1.0.0", Wait, $"{Device} online with 1.0.0");
            var rollout = await (await api.PostAsJsonAsync("/api/rollouts", new { kind = "firmware", artifactId = artifact, target = new { deviceIds = new[] { Device } }, waves = new[] { 100 } }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var id = rollout.GetProperty("rollout").GetProperty("id").GetString()!;

            // The installer records the trial (slot b) before it asks the host to restart the service.
            var state = dir.File("slots/slot-state.json");
            try
            {
                await Eventually.UntilAsync(() => Task.FromResult(File.Exists(state) ? File.ReadAllText(state) : string.Empty), s => s.Contains("\"b\"", StringComparison.Ordinal), Wait, "trial slot b recorded");
            }
            catch (TimeoutException ex)
            {
                Assert.Fail($"{ex.Message}{Environment.NewLine}gateway:{Environment.NewLine}{gateway.Tail(60)}{Environment.NewLine}cloud:{Environment.NewLine}{cloud.Process.Tail(30)}");
            }

            await gateway.StopAsync(TimeSpan.FromSeconds(60));
            await gateway.DisposeAsync();
            gateway = ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), ["run"], env, "thgw run 2.0.0");

            var committed = await Eventually.UntilAsync(() => DeviceStateAsync(api, id), s => s is "committed" or "rolled-back" or "failed", Wait, "rollout device finished");
            var firmware = await Eventually.UntilAsync(() => FirmwareAsync(api), fw => fw == "2.0.0", Wait, $"{Device} reborn with 2.0.0");
            Assert.Multiple(() =>
            {
                Assert.That(committed, Is.EqualTo("committed"), gateway.Tail(40));
                Assert.That(firmware, Is.EqualTo("2.0.0"));
                Assert.That(File.Exists(Path.Combine(dir.File("slots"), "slots", "b", "thgw")), Is.True, "the bundle's payload is in slot b");
                Assert.That(File.ReadAllText(state), Does.Contain("2.0.0"));
            });
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    private static Dictionary<string, string> GatewayEnvironment(TempDirectory dir, int mqtt, string trustedKey) => new()
    {
        ["THGW_Gateway__DeviceId"] = Device,
        ["THGW_Gateway__DataDirectory"] = dir.File("gw-data"),
        ["THGW_Gateway__Firmware"] = "1.0.0",
        ["THGW_Uplink__Host"] = "127.0.0.1",
        ["THGW_Uplink__Port"] = mqtt.ToString(CultureInfo.InvariantCulture),
        ["THGW_Uplink__BackoffMin"] = "00:00:00.200",
        ["THGW_Uplink__BackoffMax"] = "00:00:01",
        ["THGW_Simulation__Enabled"] = "true",
        ["THGW_Simulation__PollInterval"] = "00:00:00.200",
        ["THGW_Firmware__Enabled"] = "true",
        ["THGW_Firmware__SlotsRoot"] = dir.File("slots"),
        ["THGW_Firmware__TrustedKeys__0"] = trustedKey,
        ["THGW_Firmware__FreeSpaceMarginBytes"] = "0",
        ["THGW_Firmware__HealthWindow"] = "00:01:00",
        ["THGW_Firmware__ProgressReportInterval"] = "00:00:01",
    };

    private static string Bundle(TempDirectory dir, BundleKeyPair key, string version)
    {
        var source = dir.File($"publish-{version}");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "thgw"), $"#!/bin/sh\necho thgw {version}\n");
        var output = dir.File($"thgw-{version}.thb");
        BundleWriter.Create(new BundleWriteRequest
        {
            SourceDirectory = source, Version = version, Hardware = "rpi-arm64", PrivateKeyPem = key.PrivateKeyPem, OutputPath = output,
            CreatedAt = DateTimeOffset.UtcNow, ReleaseNotes = "end-to-end",
        });
        return output;
    }

    private static async Task<string> UploadAsync(HttpClient api, string path)
    {
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await api.PostAsync(new Uri("/api/artifacts", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string?> FirmwareAsync(HttpClient api)
    {
        using var response = await api.GetAsync(new Uri($"/api/devices/{Device}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var device = await response.Content.ReadFromJsonAsync<JsonElement>();
        return device.GetProperty("online").GetBoolean() && device.TryGetProperty("firmware", out var fw) ? fw.GetString() : null;
    }

    private static async Task<string?> DeviceStateAsync(HttpClient api, string rolloutId)
    {
        var devices = await api.GetFromJsonAsync<JsonElement>($"/api/rollouts/{rolloutId}/devices");
        return devices.EnumerateArray().Select(d => d.GetProperty("state").GetString()).SingleOrDefault();
    }
}
