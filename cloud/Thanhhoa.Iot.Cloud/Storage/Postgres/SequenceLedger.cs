using System.Globalization;
using System.Text;
using NpgsqlTypes;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The sequence numbers already stored for one device, as sorted half-open ranges [lo, hi). A gateway
/// numbers readings and events in one sequence space and sends them oldest first, so the set coalesces
/// to one range plus a few around gaps (numbers never sent: command results, readings its outbox dropped).
/// </summary>
internal sealed class SequenceLedger
{
    private readonly List<(long Lo, long Hi)> _ranges;

    private SequenceLedger(List<(long Lo, long Hi)> ranges) => _ranges = ranges;

    public int RangeCount => _ranges.Count;

    public static SequenceLedger From(NpgsqlRange<long>[] ranges)
    {
        var list = new List<(long, long)>(ranges.Length);
        foreach (var r in ranges)
        {
            if (r.IsEmpty)
            {
                continue;
            }

            var lo = r.LowerBoundIsInclusive ? r.LowerBound : r.LowerBound + 1;
            var hi = r.UpperBoundIsInclusive ? r.UpperBound + 1 : r.UpperBound;
            list.Add((lo, hi));
        }

        list.Sort();
        return new SequenceLedger(list);
    }

    public bool Contains(long seq)
    {
        int low = 0, high = _ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var (lo, hi) = _ranges[mid];
            if (seq < lo)
            {
                high = mid - 1;
            }
            else if (seq >= hi)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The int8multirange literal of <paramref name="seqs"/>, e.g. <c>{[1,101),[105,106)}</c>.</summary>
    public static string MultirangeText(IEnumerable<long> seqs)
    {
        var text = new StringBuilder("{");
        long? lo = null;
        long hi = 0;
        foreach (var s in seqs.Order())
        {
            if (lo is not null && s <= hi)
            {
                hi = Math.Max(hi, s + 1);
                continue;
            }

            Append(text, lo, hi);
            lo = s;
            hi = s + 1;
        }

        Append(text, lo, hi);
        return text.Append('}').ToString();
    }

    private static void Append(StringBuilder text, long? lo, long hi)
    {
        if (lo is null)
        {
            return;
        }

        if (text.Length > 1)
        {
            text.Append(',');
        }

        text.Append(CultureInfo.InvariantCulture, $"[{lo},{hi})");
    }
}
