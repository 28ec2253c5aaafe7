using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary>
/// Finds the gaps in a device's sequence numbers from what the cloud stored (readings and events),
/// and splits them into ranges the gateway reported dropped at its outbox quota and ranges nobody
/// reported; ranges reported replaced by aggregates (downsampled) are listed apart from both. Reported ranges are merged (a gateway may report a growing range twice) and only the
/// parts really absent count as lost.
/// </summary>
public static class LossLedgerCalculator
{
    /// <summary>The event code a gateway reports a dropped range with; values <c>from</c>, <c>to</c>, <c>count</c>.</summary>
    public const string DroppedEventCode = "outbox_dropped";

    /// <summary>The event code a gateway reports readings replaced by aggregates with; values <c>from</c>, <c>to</c>, <c>count</c>.</summary>
    public const string DownsampledEventCode = "outbox_downsampled";

    /// <summary>Builds the report for one device from its stored sequence numbers and its loss events.</summary>
    public static LossReport Calculate(string deviceId, IEnumerable<long> storedSeqs, IEnumerable<StoredEvent> events)
    {
        var stored = new SortedSet<long>(storedSeqs.Where(s => s > 0));
        var highest = stored.Count == 0 ? 0 : stored.Max;
        var eventList = events as IReadOnlyCollection<StoredEvent> ?? events.ToList();
        var reported = Reported(eventList, DroppedEventCode);
        var reportedDownsampled = Reported(eventList, DownsampledEventCode);
        var gaps = Gaps(stored, highest);
        var lost = new List<LossRange>();
        var unreported = new List<LossRange>();
        foreach (var gap in gaps)
        {
            Split(gap, reported, lost, unreported);
        }

        // Whatever is not reported dropped may be reported replaced by aggregates: absent as raw
        // readings, but summarised (the aggregate rows carry other numbers of the same run).
        var downsampled = new List<LossRange>();
        var missing = new List<LossRange>();
        foreach (var gap in unreported)
        {
            Split(gap, reportedDownsampled, downsampled, missing);
        }

        return new LossReport(deviceId, highest, stored.Count, lost, missing) { Downsampled = downsampled };
    }

    private static List<LossRange> Reported(IEnumerable<StoredEvent> events, string code) =>
        Merge(events.Where(e => e.Code == code).Select(RangeOf).OfType<LossRange>());

    /// <summary>Reads <c>from</c>/<c>to</c> of a loss event; null when they are absent or nonsensical.</summary>
    private static LossRange? RangeOf(StoredEvent e)
    {
        if (e.Values is null || !e.Values.TryGetValue("from", out var from) || !e.Values.TryGetValue("to", out var to))
        {
            return null;
        }

        return from >= 1 && to >= from && to <= long.MaxValue / 2 ? new LossRange((long)from, (long)to) : null;
    }

    private static List<LossRange> Merge(IEnumerable<LossRange> ranges)
    {
        var merged = new List<LossRange>();
        foreach (var r in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && r.From <= merged[^1].To + 1)
            {
                merged[^1] = merged[^1] with { To = Math.Max(merged[^1].To, r.To) };
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }

    private static List<LossRange> Gaps(SortedSet<long> stored, long highest)
    {
        var gaps = new List<LossRange>();
        var next = 1L;
        foreach (var seq in stored)
        {
            if (seq > next)
            {
                gaps.Add(new LossRange(next, seq - 1));
            }

            next = seq + 1;
        }

        return highest == 0 ? [] : gaps;
    }

    /// <summary>Cuts one gap into the parts covered by reported ranges (lost) and the rest (missing).</summary>
    private static void Split(LossRange gap, List<LossRange> reported, List<LossRange> lost, List<LossRange> missing)
    {
        var cursor = gap.From;
        foreach (var r in reported.Where(r => r.To >= gap.From && r.From <= gap.To))
        {
            var from = Math.Max(r.From, gap.From);
            var to = Math.Min(r.To, gap.To);
            if (from > cursor)
            {
                missing.Add(new LossRange(cursor, from - 1));
            }

            lost.Add(new LossRange(from, to));
            cursor = to + 1;
        }

        if (cursor <= gap.To)
        {
            missing.Add(new LossRange(cursor, gap.To));
        }
    }
}
