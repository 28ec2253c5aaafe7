using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

/// <summary>
/// Ledger query time at fleet scale: N demo sites with 30 days of made-up history in LiteDB (default 500; set
/// THIOT_LEDGER_SCALE_SITES=5000 for the figure in docs/benchmarks.md), then the start-up load of every history and
/// the 30-day availability of every area. Prints the timings; the bounds only catch gross regressions.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LedgerScaleTests
{
    [Test]
    public async Task AreasAsync_ThirtyDaysOfFleetHistory_LoadsAndAnswersWithinBounds()
    {
        var sites = int.TryParse(Environment.GetEnvironmentVariable("THIOT_LEDGER_SCALE_SITES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 500;
        using var dir = new TempDirectory("ledger-scale");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        int events;
        await using (var seeding = LedgerHarness.Start(dir.Path, time))
        {
            var list = DemoSiteGenerator.Generate(seeding.Get<ProvinceMap>(), sites, "th-", 38);
            await seeding.Get<ISiteCatalog>().UpsertAsync(list, CancellationToken.None);
            var history = DemoHistoryGenerator.Generate(list, TimeSpan.FromDays(30), time.GetUtcNow(), 38);
            events = history.Sum(h => h.Events.Count);
            await seeding.Get<DemoHistorySeeder>().SeedAsync(history, CancellationToken.None);
        }

        await using var harness = LedgerHarness.Start(dir.Path, time);
        var load = Stopwatch.StartNew();
        await harness.Get<DeviceHistoryCache>().WarmAsync();
        load.Stop();
        var report = harness.Get<AvailabilityReport>();
        var range = new ReportRange(time.GetUtcNow().AddDays(-30), time.GetUtcNow(), "30d");
        var first = Stopwatch.StartNew();
        var rows = await report.AreasAsync(SiteFilter.All, range, CancellationToken.None);
        first.Stop();
        var second = Stopwatch.StartNew();
        await report.AreasAsync(SiteFilter.All, range, CancellationToken.None);
        second.Stop();

        await TestContext.Out.WriteLineAsync(
            $"ledger scale: {sites} sites, {events} events over 30 days; load all histories {load.Elapsed.TotalSeconds:0.00} s; " +
            $"30-day area availability {first.Elapsed.TotalSeconds:0.00} s (then {second.Elapsed.TotalSeconds:0.00} s)");
        var province = rows.Single(r => r.Level == "province");
        Assert.That(province.Sites, Is.EqualTo(sites));
        Assert.That(province.Availability, Is.InRange(0.9, 1.0), "about one outage a day, few of them long enough to take a site down");
        Assert.That(load.Elapsed, Is.LessThan(TimeSpan.FromSeconds(sites / 25.0)), "load all histories");
        Assert.That(second.Elapsed, Is.LessThan(TimeSpan.FromSeconds(sites / 100.0)), "30-day availability of every area");
    }
}
