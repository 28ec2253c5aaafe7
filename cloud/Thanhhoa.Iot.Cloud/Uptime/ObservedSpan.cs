namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// A stretch of time the gateway's own data covers (buffered readings no more than the ledger's MaxSilence apart);
/// a single reading or event is a span of zero length.
/// </summary>
public readonly record struct ObservedSpan(DateTimeOffset Start, DateTimeOffset End)
{
    public static ObservedSpan At(DateTimeOffset instant) => new(instant, instant);

    /// <summary>Joins sorted or unsorted instants into spans wherever consecutive ones are at most <paramref name="maxSilence"/> apart.</summary>
    public static List<ObservedSpan> FromInstants(IEnumerable<DateTimeOffset> instants, TimeSpan maxSilence)
    {
        var spans = new List<ObservedSpan>();
        foreach (var t in instants.Order())
        {
            if (spans.Count > 0 && t - spans[^1].End <= maxSilence)
            {
                spans[^1] = spans[^1] with { End = t };
            }
            else
            {
                spans.Add(At(t));
            }
        }

        return spans;
    }
}
