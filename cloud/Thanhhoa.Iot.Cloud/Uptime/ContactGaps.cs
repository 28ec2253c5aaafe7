namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Where the cloud knows nothing about a gateway: link-offline spans minus the parts that buffered data
/// covers. Inside a span, consecutive proofs of life (a real death or birth at its ends, and buffered
/// observations inside) no more than <c>maxSilence</c> apart cover the time between them.
/// </summary>
internal static class ContactGaps
{
    public static List<(DateTimeOffset Start, DateTimeOffset End)> Unknown(
        IReadOnlyList<LinkChange> links, IReadOnlyList<ObservedSpan> observations, DateTimeOffset from, DateTimeOffset to, TimeSpan maxSilence)
    {
        var sorted = observations.OrderBy(o => o.Start).ToArray();
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

    /// <summary>The offline span minus what its real ends and the observations inside it cover, bridging gaps up to maxSilence.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Uncovered(OfflineSpan span, ObservedSpan[] observations, TimeSpan maxSilence)
    {
        var pieces = new List<ObservedSpan>();
        if (span.RealStart)
        {
            pieces.Add(ObservedSpan.At(span.Start));
        }

        foreach (var o in observations)
        {
            if (o.End > span.Start && o.Start < span.End)
            {
                pieces.Add(new ObservedSpan(o.Start > span.Start ? o.Start : span.Start, o.End < span.End ? o.End : span.End));
            }
        }

        if (span.RealEnd)
        {
            pieces.Add(ObservedSpan.At(span.End));
        }

        var gaps = new List<(DateTimeOffset, DateTimeOffset)>();
        var cursor = span.Start;
        ObservedSpan? covered = null;
        foreach (var piece in pieces.OrderBy(p => p.Start))
        {
            if (covered is { } c && piece.Start - c.End <= maxSilence)
            {
                covered = c with { End = piece.End > c.End ? piece.End : c.End };
                continue;
            }

            if (covered is { } done)
            {
                AddGap(gaps, cursor, done.Start);
                cursor = done.End;
            }

            covered = piece;
        }

        if (covered is { } last)
        {
            AddGap(gaps, cursor, last.Start);
            cursor = last.End;
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

    private readonly record struct OfflineSpan(DateTimeOffset Start, DateTimeOffset End, bool RealStart, bool RealEnd);
}
