using System.Globalization;
using System.Text;
using NpgsqlTypes;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The <c>sequence_ledger</c> column (an int8multirange) to and from <see cref="SequenceRanges"/>, the set
/// logic both stores share.
/// </summary>
internal static class SequenceLedger
{
    public static SequenceRanges From(NpgsqlRange<long>[] ranges) =>
        SequenceRanges.From(ranges.Where(r => !r.IsEmpty).Select(r => (
            r.LowerBoundIsInclusive ? r.LowerBound : r.LowerBound + 1,
            r.UpperBoundIsInclusive ? r.UpperBound + 1 : r.UpperBound)));

    /// <summary>The int8multirange literal of <paramref name="seqs"/>, e.g. <c>{[1,101),[105,106)}</c>.</summary>
    public static string MultirangeText(IEnumerable<long> seqs) => MultirangeText(seqs.ToList());

    /// <summary>As above; sorts <paramref name="seqs"/> in place unless it is sorted already (a gateway sends its numbers in order).</summary>
    public static string MultirangeText(List<long> seqs)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        if (!IsSorted(seqs))
        {
            seqs.Sort();
        }

        var text = new StringBuilder("{");
        long? lo = null;
        long hi = 0;
        foreach (var s in seqs)
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

    private static bool IsSorted(List<long> seqs)
    {
        for (var i = 1; i < seqs.Count; i++)
        {
            if (seqs[i - 1] > seqs[i])
            {
                return false;
            }
        }

        return true;
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
