using System.Collections.Concurrent;
using Microsoft.Playwright;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/deps.sh) driven by Playwright, headless and offline:
/// no browser download, no background networking. Each page records every request URL and every console error.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var path = ExternalTool.Require(Executable, "chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>A fresh page (own context, Vietnamese locale, Asia/Ho_Chi_Minh) that records requests and console errors.</summary>
    public async Task<RecordedPage> NewPageAsync(int width = 1600, int height = 1300)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        var recorded = new RecordedPage(context, page);
        await page.RouteAsync("**/*", async route =>
        {
            recorded.Requests.Add(route.Request.Url);
            await route.ContinueAsync();
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                recorded.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => recorded.ConsoleErrors.Add(error);
        return recorded;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    internal sealed class RecordedPage(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public ConcurrentBag<string> Requests { get; } = [];

        public ConcurrentBag<string> ConsoleErrors { get; } = [];

        public ValueTask DisposeAsync() => context.DisposeAsync();
    }
}
