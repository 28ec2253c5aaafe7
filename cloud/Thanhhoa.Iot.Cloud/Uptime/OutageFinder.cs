namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Outages from the event-only power segments: maximal runs without mains, and maximal runs of site down.</summary>
internal static class OutageFinder
{
    public static List<Outage> Find(
        string site, List<PowerInterval> power, List<(DateTimeOffset Start, DateTimeOffset End)> unknown, DateTimeOffset to, bool ongoing)
    {
        var outages = new List<Outage>();
        outages.AddRange(Runs(power, s => s is PowerState.Battery or PowerState.Generator or PowerState.Down)
            .Select(run => Make(site, OutageKind.MainsLoss, run, unknown, to, ongoing)));
        outages.AddRange(Runs(power, s => s == PowerState.Down)
            .Select(run => Make(site, OutageKind.SiteDown, run, unknown, to, ongoing)));
        return outages.OrderBy(o => o.Start).ThenBy(o => o.Kind).ToList();
    }

    private static IEnumerable<List<PowerInterval>> Runs(List<PowerInterval> power, Func<PowerState, bool> inOutage)
    {
        var run = new List<PowerInterval>();
        foreach (var segment in power)
        {
            if (inOutage(segment.State))
            {
                run.Add(segment);
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static Outage Make(
        string site, OutageKind kind, List<PowerInterval> run, List<(DateTimeOffset Start, DateTimeOffset End)> unknown, DateTimeOffset to, bool ongoing)
    {
        var start = run[0].Start;
        var end = run[^1].End;
        var unknownSeconds = unknown.Sum(g => Overlap(g.Start, g.End, start, end).TotalSeconds);
        var cause = run[0].Cause ?? kind.ToString();
        var open = ongoing && end == to;
        return new Outage(site, kind, start, open ? null : end, (end - start).TotalSeconds, cause, unknownSeconds);
    }

    private static TimeSpan Overlap(DateTimeOffset aStart, DateTimeOffset aEnd, DateTimeOffset bStart, DateTimeOffset bEnd)
    {
        var start = aStart > bStart ? aStart : bStart;
        var end = aEnd < bEnd ? aEnd : bEnd;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
