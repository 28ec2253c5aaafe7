using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// A plausible past for demo sites, reproducible from a seed: about one mains outage a day per site (mean 2 h),
/// a generator on two sites in five that starts after 5 minutes, battery sites that go down when an outage outlasts
/// their 3–5 h autonomy, occasional link losses, and a few gateways offline at the end. For the demo and scale tests.
/// </summary>
public static class DemoHistoryGenerator
{
    public static string DeviceIdFor(string site) => $"demo-{site}";

    public static IReadOnlyList<DemoGatewayHistory> Generate(IReadOnlyList<Site> sites, TimeSpan span, DateTimeOffset now, int seed)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return sites.Select((site, i) => ForSite(site, i, span, now, new Random(unchecked((seed * 7919) + i)))).ToList();
    }

    private static DemoGatewayHistory ForSite(Site site, int index, TimeSpan span, DateTimeOffset now, Random rng)
    {
        var device = DeviceIdFor(site.Code);
        var events = new List<(DateTimeOffset At, string Code, EventAction Action, Severity Severity)>();
        var start = now - span;
        var hasGenerator = index % 5 < 2;
        var autonomy = TimeSpan.FromHours(3 + (2 * rng.NextDouble()));
        var cursor = start;
        while (true)
        {
            var begin = cursor + Exponential(rng, TimeSpan.FromHours(24));
            if (begin >= now)
            {
                break;
            }

            var end = begin + TimeSpan.FromMinutes(5) + Exponential(rng, TimeSpan.FromHours(2));
            Outage(events, begin, end, now, hasGenerator, autonomy);
            cursor = end;
        }

        var stored = events.Where(e => e.At <= now).OrderBy(e => e.At)
            .Select((e, n) => new StoredEvent(device, n + 1, e.At, e.Code, e.Action, e.Severity, null, null, null, e.At))
            .ToList();
        return new DemoGatewayHistory(device, site.Code, stored, Links(rng, start, now));
    }

    private static void Outage(List<(DateTimeOffset, string, EventAction, Severity)> events, DateTimeOffset begin, DateTimeOffset end, DateTimeOffset now, bool hasGenerator, TimeSpan autonomy)
    {
        events.Add((begin, AlarmCodes.MainsFail, EventAction.Raise, Severity.Major));
        events.Add((begin, AlarmCodes.OnBattery, EventAction.Raise, Severity.Warning));
        var raised = new List<(string Code, Severity Severity, DateTimeOffset At)>();
        if (hasGenerator && end - begin > TimeSpan.FromMinutes(5))
        {
            raised.Add((AlarmCodes.GeneratorRunning, Severity.Info, begin + TimeSpan.FromMinutes(5)));
        }
        else if (!hasGenerator && end - begin > autonomy)
        {
            raised.Add((AlarmCodes.BatteryLow, Severity.Major, begin + autonomy - TimeSpan.FromMinutes(30)));
            raised.Add((AlarmCodes.SiteDown, Severity.Critical, begin + autonomy));
        }

        events.AddRange(raised.Select(r => (r.At, r.Code, EventAction.Raise, r.Severity)));
        if (end <= now)
        {
            events.AddRange(raised.Select(r => (end, r.Code, EventAction.Clear, r.Severity)));
            events.Add((end, AlarmCodes.OnBattery, EventAction.Clear, Severity.Warning));
            events.Add((end, AlarmCodes.MainsFail, EventAction.Clear, Severity.Major));
        }
    }

    private static List<(LinkChange, long)> Links(Random rng, DateTimeOffset start, DateTimeOffset now)
    {
        long session = 1;
        var links = new List<(LinkChange, long)> { (new LinkChange(start, true), session) };
        var cursor = start;
        while (true)
        {
            var lost = cursor + Exponential(rng, TimeSpan.FromDays(8));
            if (lost >= now)
            {
                break;
            }

            var back = lost + TimeSpan.FromMinutes(10) + Exponential(rng, TimeSpan.FromMinutes(40));
            links.Add((new LinkChange(lost, false), session));
            if (back >= now)
            {
                return links;
            }

            links.Add((new LinkChange(back, true), ++session));
            cursor = back;
        }

        if (rng.NextDouble() < 0.03)
        {
            links.Add((new LinkChange(now - TimeSpan.FromMinutes(rng.Next(5, 120)), false), session));
        }

        return links;
    }

    private static TimeSpan Exponential(Random rng, TimeSpan mean) => mean * -Math.Log(1 - rng.NextDouble());
}
