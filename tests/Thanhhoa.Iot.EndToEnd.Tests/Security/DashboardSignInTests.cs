using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Dashboard;
using Thanhhoa.Iot.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Thanhhoa.Iot.EndToEnd.Tests.Security;

/// <summary>
/// The IOC page with the production default (enforced): it asks once for an API key, keeps it only in an
/// HttpOnly cookie (scripts cannot read it), and then loads and streams like in the demo.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class DashboardSignInTests
{
    private const int Sites = 6;

    [Test]
    public async Task Page_Enforced_AsksForKeyOnceThenLoadsWithKeyOutOfScriptsReach()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        using var dir = new TempDirectory("dash-signin");
        await using var cloud = await DashboardCloud.StartAsync(dir.Path, Sites, 0, "--Security:Mode=Enforced");
        var operatorKey = await CreateOperatorKeyAsync(cloud, dir.Path);

        await using var recorded = await chromium.NewPageAsync();
        var page = recorded.Page;
        var prompts = 0;
        page.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref prompts);
            await dialog.AcceptAsync(operatorKey);
        };
        await page.GotoAsync(cloud.BaseAddress.ToString());
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("path.site-marker")).ToHaveCountAsync(Sites);
        await Expect(page.Locator("#live")).ToHaveTextAsync("Trực tiếp", new() { Timeout = 10_000 });

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "thiot_key");
        var visibleToScripts = await page.EvaluateAsync<string>("document.cookie");
        Assert.Multiple(() =>
        {
            Assert.That(prompts, Is.EqualTo(1));
            Assert.That(cookie.HttpOnly, Is.True);
            Assert.That(cookie.SameSite, Is.EqualTo(SameSiteAttribute.Strict));
            Assert.That(visibleToScripts, Does.Not.Contain(operatorKey));
        });
    }

    private static async Task<string> CreateOperatorKeyAsync(DashboardCloud cloud, string dataDirectory)
    {
        using var admin = new HttpClient { BaseAddress = cloud.BaseAddress };
        var bootstrap = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "security", "bootstrap-admin.key"))).Trim();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bootstrap);
        using var response = await admin.PostAsJsonAsync("api/api-keys", new { name = "ioc-desk", role = "Operator" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
