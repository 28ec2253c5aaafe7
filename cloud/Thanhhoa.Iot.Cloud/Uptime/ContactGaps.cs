namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Where the cloud knows nothing about a gateway: link-offline spans minus the parts that buffered data
/// covers. Inside a span, consecutive proofs of life (a real death or birth at its ends, and buffered
/// observations inside) no more than <c>maxSilence</c> apart cover the time between them.
/// </summary>
internal static class ContactGaps
{
    public static List<(DateTimeOffset Start, DateTimeOffset End)> Unknown(
        IReadOnlyList<LinkChange> links, IReadOnlyList<DateTimeOffset> observations, DateTimeOffset from, DateTimeOffset to, TimeSpan maxSilence)
    {
        var sorted = observations.Order().ToArray();
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var span in OfflineSpans(links))
        {
            if (span.End <= from || span.Start >= to)
            {
                continue;
            }

            foreach (var gap in Uncovered(span, sorted, maxSilence))
            {
                var start = gap.Start < from ? from : gap.Start;
                var end = gap.End > to ? to : gap.End;
                if (end > start)
                {
                    result.Add((start, end));
                }
            }
        }

        return result;
    }

    /// <summary>Offline spans; a start or end that is not a real death or birth (never seen yet, still offline) is open.</summary>
    private static IEnumerable<OfflineSpan> OfflineSpans(IReadOnlyList<LinkChange> links)
    {
        var online = false;
        var start = DateTimeOffset.MinValue;
        var realStart = false;
        foreach (var link in links.OrderBy(l => l.At))
        {
            if (link.Online && !online)
            {
                yield return new OfflineSpan(start, link.At, realStart, RealEnd: true);
                online = true;
            }
            else if (!link.Online && online)
            {
                (start, realStart, online) = (link.At, true, false);
            }
        }

        if (!online)
        {
            yield return new OfflineSpan(start, DateTimeOffset.MaxValue, realStart, RealEnd: false);
        }
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> Uncovered(OfflineSpan span, DateTimeOffset[] observations, TimeSpan maxSilence)
    {
        var points = new List<DateTimeOffset>();
        if (span.RealStart)
        {
            points.Add(span.Start);
        }

        var i = LowerBound(observations, span.Start);
        for (; i < observations.Length && observations[i] < span.End; i++)
        {
            if (observations[i] > span.Start)
            {
                points.Add(observations[i]);
            }
        }

        if (span.RealEnd)
        {
            points.Add(span.End);
        }

        var gaps = new List<(DateTimeOffset, DateTimeOffset)>();
        var cursor = span.Start;
        for (var p = 1; p < points.Count; p++)
        {
            if (points[p] - points[p - 1] <= maxSilence)
            {
                AddGap(gaps, cursor, points[p - 1]);
                cursor = points[p];
            }
        }

        AddGap(gaps, cursor, span.End);
        return gaps;
    }

    private static void AddGap(List<(DateTimeOffset, DateTimeOffset)> gaps, DateTimeOffset start, DateTimeOffset end)
    {
        if (end > start)
        {
            gaps.Add((start, end));
        }
    }

    private static int LowerBound(DateTimeOffset[] sorted, DateTimeOffset value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private readonly record struct OfflineSpan(DateTimeOffset Start, DateTimeOffset End, bool RealStart, bool RealEnd);
}
