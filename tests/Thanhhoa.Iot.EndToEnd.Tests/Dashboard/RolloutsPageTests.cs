using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>
/// The rollouts page in headless Chromium against the real cloud: a configuration rollout over four gateways
/// (canary of two: one applies, one refuses), its wave progress in the list, its devices in the detail, the
/// state filter, the page following the engine without a reload, and pause — offered to an admin only — reaching the API.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class RolloutsPageTests
{
    private const string Refusal = "too often for a 2G link";
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };

    private TempDirectory _dir = null!;
    private DashboardCloud _cloud = null!;
    private HeadlessChromium _chromium = null!;
    private readonly List<RolloutGateway> _fleet = [];
    private readonly BundleKeyPair _signing = BundleKeyPair.Generate();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        _dir = new TempDirectory("rollouts-e2e");
        var trusted = _dir.File("trusted.pub.pem");
        await File.WriteAllTextAsync(trusted, _signing.PublicKeyPem);
        _cloud = await DashboardCloud.StartAsync(_dir.Path, 0, 0, "--Rollouts:TickInterval=01:00:00", $"--Artifacts:TrustedKeys:0={trusted}");
        Directory.CreateDirectory(Screenshots);
        for (var i = 0; i < 4; i++)
        {
            _fleet.Add(await RolloutGateway.ConnectAsync(_cloud.MqttPort, $"gw-ro-{i:D2}"));
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var gateway in _fleet)
        {
            await gateway.DisposeAsync();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }

        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        _dir?.Dispose();
    }

    [Test]
    public async Task RolloutsPage_ConfigRolloutCanaryHalfRefused_ListAndDetailShowProgressAndAdminPauses()
    {
        using var admin = AdminClient(out var key);
        var id = await StartRolloutAsync(admin);
        var devices = (await admin.GetFromJsonAsync<List<RolloutDevice>>($"api/rollouts/{id}/devices", JsonOptions.Web))!;
        var canary = devices.Where(d => d.Wave == 0).Select(d => d.DeviceId).Order(StringComparer.Ordinal).ToList();
        _fleet.Single(g => g.DeviceId == canary[1]).RefuseReason = Refusal;
        var engine = _cloud.Services.GetRequiredService<WaveEngine>();
        await engine.TickAsync(CancellationToken.None); // releases the canary
        await Task.WhenAll(_fleet.Where(g => canary.Contains(g.DeviceId)).Select(g => g.Reported.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))));

        await using var recorded = await _chromium.NewPageAsync();
        var page = recorded.Page;
        await page.GotoAsync(_cloud.BaseAddress.ToString());
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Triển khai", Exact = true }).ClickAsync();
        await Expect(page.Locator("body[data-page=rollouts][data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });

        var row = page.Locator($"#rollouts tr[data-rollout='{id}']");
        await Expect(row).ToContainTextAsync("Chu kỳ gửi dữ liệu 120 giây");
        await Expect(row).ToContainTextAsync("Cấu hình");
        await Expect(row).ToContainTextAsync("Đang chạy");
        var canaryBar = row.Locator(".wave-bar[data-wave='0']");
        await Expect(canaryBar).ToHaveAttributeAsync("data-pending", "2"); // reports are read at the engine's next tick

        await engine.TickAsync(CancellationToken.None); // reads them: one committed, one failed; 50% < minSuccessPercent keeps wave 2 waiting
        await Expect(canaryBar).ToHaveAttributeAsync("data-committed", "1", new() { Timeout = 20_000 });
        await Expect(canaryBar).ToHaveAttributeAsync("data-failed", "1", new() { Timeout = 20_000 });
        await Expect(canaryBar).ToHaveAttributeAsync("aria-label", "Đợt 1: 2 thiết bị — 1 hoàn tất, 1 lỗi hoặc hoàn nguyên, 0 treo, 0 đang thực hiện, 0 chờ");
        await Expect(row.Locator(".wave-bar[data-wave='1']")).ToHaveAttributeAsync("data-pending", "2");
        await Expect(canaryBar.Locator(".seg")).ToHaveCountAsync(2);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var detail = page.Locator($"#detail[data-rollout='{id}']");
        await Expect(detail).ToBeVisibleAsync(Soon);
        await Expect(page.Locator("#waves tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#waves tr[data-wave='0']")).ToContainTextAsync("50%");
        var rows = page.Locator("#devices tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.Locator($"#devices tr[data-device='{canary[0]}']")).ToHaveAttributeAsync("data-state", "committed");
        await Expect(page.Locator($"#devices tr[data-device='{canary[1]}']")).ToContainTextAsync($"refused at $.settings.uploadSeconds: {Refusal}");
        await Expect(page.Locator("#devices tr[data-state='pending']")).ToHaveCountAsync(2);
        await Expect(page.Locator("#detail-actions")).ToBeHiddenAsync(); // the page has no key: an operator, in Development mode
        await page.SelectOptionAsync("#f-device-state", "failed");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-device", canary[1]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "rollouts-detail-vi.png"), FullPage = true });

        await SignInAsync(page, key);
        await Expect(page.Locator("#role")).ToHaveTextAsync("Vai trò: Quản trị viên");
        await Expect(page.Locator("#act-resume")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạm dừng" }).ClickAsync();
        await Expect(page.Locator("#detail[data-state=paused]")).ToBeAttachedAsync();
        await Expect(page.Locator($"#rollouts tr[data-rollout='{id}'][data-state=paused]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("#act-resume")).ToBeVisibleAsync();
        var stored = (await admin.GetFromJsonAsync<RolloutView>($"api/rollouts/{id}", JsonOptions.Web))!;
        Assert.That(stored.Rollout.State, Is.EqualTo(RolloutState.Paused));

        await page.ClickAsync("#lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Firmware and configuration rollouts");
        await Expect(page.Locator("#detail-title")).ToContainTextAsync("Paused");
        await Expect(page.Locator("#devices thead")).ToContainTextAsync("Last progress");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "rollouts-paused-en.png"), FullPage = true });
        await page.ClickAsync("#lang");

        Assert.That(recorded.ConsoleErrors, Is.Empty, "console errors");
        Assert.That(recorded.Requests.Where(u => new Uri(u).Host is not ("127.0.0.1" or "localhost")), Is.Empty, "requests that left the cloud");
    }

    [Test]
    public async Task RolloutsPage_FirmwareDeviceDownloading_DeviceRowShowsBytesOfTotalAsABar()
    {
        using var admin = AdminClient(out _);
        var artifact = await UploadAsync(admin, "2.0.0");
        await using var gateway = await RolloutGateway.ConnectAsync(_cloud.MqttPort, "gw-fw-00");
        using var created = await admin.PostAsJsonAsync("api/rollouts", new
        {
            name = "Phần mềm 2.0.0", kind = "firmware", artifactId = artifact.Id, target = new { deviceIds = new[] { gateway.DeviceId } }, waves = new[] { 100 },
        });
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<RolloutView>(JsonOptions.Web))!.Rollout.Id;
        await _cloud.Services.GetRequiredService<WaveEngine>().TickAsync(CancellationToken.None); // releases the only wave
        var half = artifact.Size / 2;
        await gateway.ReportFirmwareAsync(new FirmwareReport
        {
            Version = ContractInfo.Version, RolloutId = id, State = FirmwareState.Downloading, Running = "0.1.0-e2e", Target = "2.0.0",
            Bytes = half, Total = artifact.Size, Timestamp = DateTimeOffset.UtcNow,
        });

        await using var recorded = await _chromium.NewPageAsync();
        var page = recorded.Page;
        await page.GotoAsync(new Uri(_cloud.BaseAddress, $"rollouts.html#{id}").ToString());
        var row = page.Locator($"#rollouts tr[data-rollout='{id}']");
        await Expect(row).ToContainTextAsync("Phần mềm", new() { Timeout = 20_000 });
        await Expect(row).ToContainTextAsync("2.0.0");
        await Expect(row.Locator(".wave-bar[data-wave='0']")).ToHaveAttributeAsync("data-active", "1");
        var device = page.Locator($"#devices tr[data-device='{gateway.DeviceId}']");
        await Expect(device).ToHaveAttributeAsync("data-state", "downloading", new() { Timeout = 20_000 });
        var bar = device.GetByRole(AriaRole.Progressbar);
        await Expect(bar).ToHaveAttributeAsync("value", half.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(bar).ToHaveAttributeAsync("max", artifact.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(device).ToContainTextAsync("Đang tải");
        await Expect(device).ToContainTextAsync(" kB / ");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "rollouts-firmware-downloading-vi.png"), FullPage = true });
        Assert.That(recorded.ConsoleErrors, Is.Empty, "console errors");
    }

    private HttpClient AdminClient(out string key)
    {
        key = File.ReadAllText(Path.Combine(_dir.Path, "security", "bootstrap-admin.key")).Trim();
        var client = new HttpClient { BaseAddress = _cloud.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A bundle of <paramref name="version"/> around 6 kB of random bytes, signed by the key the cloud trusts, uploaded.</summary>
    private async Task<Artifact> UploadAsync(HttpClient admin, string version)
    {
        var source = _dir.File($"src-{version}");
        Directory.CreateDirectory(source);
        await File.WriteAllBytesAsync(Path.Combine(source, "thgw"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(6000));
        var bundle = _dir.File($"thgw-{version}.thb");
        BundleWriter.Create(new BundleWriteRequest
        {
            SourceDirectory = source, Version = version, Hardware = "rpi4", PrivateKeyPem = _signing.PrivateKeyPem,
            OutputPath = bundle, CreatedAt = DateTimeOffset.UtcNow, ReleaseNotes = $"release {version}",
        });
        await using var file = File.OpenRead(bundle);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await admin.PostAsync(new Uri("api/artifacts", UriKind.Relative), content);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Artifact>(JsonOptions.Web))!;
    }

    private async Task<string> StartRolloutAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("api/rollouts", new
        {
            name = "Chu kỳ gửi dữ liệu 120 giây", kind = "config", config = new { uploadSeconds = 120 },
            target = new { deviceIds = _fleet.Select(g => g.DeviceId) }, waves = new[] { 50, 100 }, minSuccessPercent = 100, errorThresholdPercent = 90,
        });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RolloutView>(JsonOptions.Web))!.Rollout.Id;
    }

    /// <summary>What a person does in enforced mode when the page asks: the key goes to POST api/session (an HttpOnly cookie), then the page reloads.</summary>
    private static async Task SignInAsync(IPage page, string key)
    {
        var response = await page.Context.APIRequest.PostAsync(new Uri(new Uri(page.Url), "api/session").ToString(), new() { DataObject = new { key } });
        Assert.That(response.Ok, Is.True, await response.TextAsync());
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
    }
}
