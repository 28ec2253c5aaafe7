using System.Net.Http.Json;
using Microsoft.Playwright;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>
/// The IOC page in headless Chromium against the real cloud, fed over MQTT by a gateway: live colour change and
/// alarm without reload, acknowledgement, language toggle, nothing loaded from outside the cloud, no console errors.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class DashboardPageTests
{
    private const int Sites = 24;
    private const string Site = "th-0001";
    private const string MainsColour = "#2e7d32";
    private const string BatteryColour = "#ef8f00";
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    private TempDirectory _dir = null!;
    private DashboardCloud _cloud = null!;
    private HeadlessChromium _chromium = null!;
    private SimulatedGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        _dir = new TempDirectory("dash-e2e");
        _cloud = await DashboardCloud.StartAsync(_dir.Path, Sites);
        Directory.CreateDirectory(Screenshots);
        _gateway = await SimulatedGateway.ConnectAsync(_cloud.MqttPort, "gw-e2e-0001", Site);
        var now = DateTimeOffset.UtcNow;
        await _gateway.TelemetryAsync(now.AddMinutes(-10), ("mains", 1), ("battery_v", 53.9), ("load_a", 24.6), ("cabinet_t", 25.1), ("door", 0), ("generator", 0));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
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
    public async Task Page_SiteGoesOnBattery_ColourAndAlarmChangeLiveThenAcknowledgedAndTranslated()
    {
        await using var recorded = await _chromium.NewPageAsync();
        var page = recorded.Page;
        await page.GotoAsync(_cloud.BaseAddress.ToString());
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });

        var marker = page.Locator($"path.site-{Site}");
        await Expect(page.Locator("path.site-marker")).ToHaveCountAsync(Sites);
        await Expect(page.Locator("path.leaflet-interactive").First).ToBeAttachedAsync();
        await Expect(marker).ToHaveAttributeAsync("fill", MainsColour);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Giám sát nguồn điện và thời gian hoạt động trạm");

        await GoOnBatteryAsync();
        await Expect(marker).ToHaveAttributeAsync("fill", BatteryColour, new() { Timeout = 10_000 });
        var alarmRow = page.Locator($"#alarms tr[data-site='{Site}'][data-code='mains_fail']");
        await Expect(alarmRow).ToBeVisibleAsync();
        await Expect(alarmRow).ToContainTextAsync("Mất điện lưới");
        await Expect(page.Locator("body[data-reports=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-on-battery-vi.png"), FullPage = true });

        await page.FillAsync("#operator", "Trực ban Lê Thị Hoa");
        await alarmRow.Locator("button.ack").ClickAsync();
        await Expect(alarmRow).ToContainTextAsync("Trực ban Lê Thị Hoa");
        var stored = (await _cloud.Http.GetFromJsonAsync<List<ActiveAlarm>>("api/alarms", JsonOptions.Web))!.Single(a => a.Code == "mains_fail");
        Assert.That(stored.AckedBy, Is.EqualTo("Trực ban Lê Thị Hoa"));

        // Open the site from its alarm row (a dense map can put a neighbour's marker over this one).
        await alarmRow.Locator("a").First.ClickAsync();
        await Expect(page.Locator("#panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#panel-title")).ToContainTextAsync("Ắc quy");
        await Expect(page.Locator("#panel-body .autonomy")).ToContainTextAsync("phút đến ngưỡng cắt 44 V");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-site-panel-vi.png") });

        await page.ClickAsync("#lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Site power and uptime monitoring");
        await Expect(alarmRow).ToContainTextAsync("Mains failure");
        await Expect(page.Locator("#panel-title")).ToContainTextAsync("Battery");
        await Expect(page.Locator("#alarms thead")).ToContainTextAsync("Severity");
        await Expect(page.Locator(".leaflet-control-zoom-in")).ToHaveAttributeAsync("title", "Zoom in");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-on-battery-en.png"), FullPage = true });
        await page.ClickAsync("#lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Giám sát nguồn điện và thời gian hoạt động trạm");
        await Expect(page.Locator(".leaflet-control-zoom-in")).ToHaveAttributeAsync("title", "Phóng to");

        Assert.That(recorded.ConsoleErrors, Is.Empty, "console errors");
        var outside = recorded.Requests.Where(u => new Uri(u).Host is not ("127.0.0.1" or "localhost")).ToList();
        Assert.That(outside, Is.Empty, "requests that left the cloud");
        Assert.That(recorded.Requests, Has.Some.Contains("/dist/app.js").And.Some.Contains("/data/thanh_hoa_districts_dvhcvn.geojson"));
    }

    private async Task GoOnBatteryAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var failed = now.AddMinutes(-4);
        await _gateway.EventAsync(failed, "mains_fail", EventAction.Raise, Severity.Major, new Dictionary<string, double> { ["mains"] = 0 });
        await _gateway.EventAsync(failed, "on_battery", EventAction.Raise, Severity.Warning);
        for (var i = 0; i < 12; i++)
        {
            await _gateway.TelemetryAsync(now.AddSeconds(-220 + (i * 20)), ("mains", 0), ("battery_v", 51.0 - (0.05 * i)), ("load_a", 25.0));
        }
    }
}
