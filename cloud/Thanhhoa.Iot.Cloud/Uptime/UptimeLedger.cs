namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// The uptime ledger's pure core: one gateway's events and link changes in, the site's timeline out.
/// Events are ordered by their own timestamp (then sequence), so a buffered event that arrives hours late
/// lands where it happened, and the result is the same after a restart as before it. Time without contact
/// and without buffered data is <see cref="PowerState.Unknown"/>, never down.
/// </summary>
public static class UptimeLedger
{
    /// <param name="site">Site code the timeline is for.</param>
    /// <param name="input">The gateway's history; events before <paramref name="from"/> set the state at the start.</param>
    /// <param name="from">Range start (inclusive).</param>
    /// <param name="to">Range end (exclusive); pass "now" or earlier.</param>
    /// <param name="maxSilence">Longest gap between buffered observations that still counts as contact.</param>
    /// <param name="ongoing">True when <paramref name="to"/> is now, so an outage reaching it has no end yet.</param>
    public static SiteTimeline Build(string site, LedgerInput input, DateTimeOffset from, DateTimeOffset to, TimeSpan maxSilence, bool ongoing)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (to <= from)
        {
            return new SiteTimeline(site, from, to, [], []);
        }

        var power = PowerSegments(input.Events, from, to);
        var unknown = ContactGaps.Unknown(input.Links, input.Observations, from, to, maxSilence);
        var intervals = Merge(Overlay(power, unknown));
        var outages = OutageFinder.Find(site, power, unknown, to, ongoing);
        return new SiteTimeline(site, from, to, intervals, outages);
    }

    /// <summary>The state the events imply over [from, to), ignoring contact.</summary>
    internal static List<PowerInterval> PowerSegments(IReadOnlyList<LedgerEvent> events, DateTimeOffset from, DateTimeOffset to)
    {
        var ordered = events.Where(e => e.Timestamp < to).OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).ToList();
        var conditions = new PowerConditions();
        var i = 0;
        for (; i < ordered.Count && ordered[i].Timestamp < from; i++)
        {
            conditions.Apply(ordered[i]);
        }

        var segments = new List<PowerInterval>();
        var start = from;
        var current = conditions.Current();
        for (; i < ordered.Count; i++)
        {
            conditions.Apply(ordered[i]);
            var next = conditions.Current();
            if (next != current)
            {
                segments.Add(new PowerInterval(start, ordered[i].Timestamp, current.State, current.Cause));
                (start, current) = (ordered[i].Timestamp, next);
            }
        }

        segments.Add(new PowerInterval(start, to, current.State, current.Cause));
        return Merge(segments.Where(s => s.End > s.Start));
    }

    private static IEnumerable<PowerInterval> Overlay(List<PowerInterval> power, List<(DateTimeOffset Start, DateTimeOffset End)> unknown)
    {
        foreach (var gap in unknown)
        {
            yield return new PowerInterval(gap.Start, gap.End, PowerState.Unknown, null);
        }

        foreach (var segment in power)
        {
            var cursor = segment.Start;
            foreach (var gap in unknown.Where(g => g.End > segment.Start && g.Start < segment.End))
            {
                if (gap.Start > cursor)
                {
                    yield return segment with { Start = cursor, End = gap.Start };
                }

                cursor = gap.End > cursor ? gap.End : cursor;
            }

            if (segment.End > cursor)
            {
                yield return segment with { Start = cursor };
            }
        }
    }

    internal static List<PowerInterval> Merge(IEnumerable<PowerInterval> intervals)
    {
        var merged = new List<PowerInterval>();
        foreach (var interval in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && merged[^1] is var last && last.State == interval.State && last.Cause == interval.Cause && last.End == interval.Start)
            {
                merged[^1] = last with { End = interval.End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
