namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// A set of sequence numbers as sorted, coalesced half-open ranges [Lo, Hi): what a store keeps per device
/// to drop readings it already holds without an index entry per reading. A gateway sends its numbers
/// oldest first, so the set stays one range plus one per gap (numbers it never sends as readings).
/// </summary>
internal sealed class SequenceRanges
{
    private readonly List<(long Lo, long Hi)> _ranges;

    public SequenceRanges()
        : this([])
    {
    }

    private SequenceRanges(List<(long Lo, long Hi)> ranges) => _ranges = ranges;

    public IReadOnlyList<(long Lo, long Hi)> Ranges => _ranges;

    /// <summary>The set of the given ranges, in any order, overlapping or touching or not; empty ranges are ignored.</summary>
    public static SequenceRanges From(IEnumerable<(long Lo, long Hi)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var set = new SequenceRanges();
        foreach (var (lo, hi) in ranges.Where(r => r.Lo < r.Hi).Order())
        {
            set.AppendSorted(lo, hi);
        }

        return set;
    }

    public bool Contains(long seq) => IndexOf(seq) >= 0;

    /// <summary>Adds <paramref name="seq"/>; false if it was already in the set.</summary>
    public bool Add(long seq)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(seq, long.MaxValue);
        var at = IndexOf(seq);
        if (at >= 0)
        {
            return false;
        }

        Insert(~at, seq);
        return true;
    }

    private void Insert(int before, long seq)
    {
        // seq lies between range before-1 (ends at or below seq) and range before (starts above seq).
        var joinsPrevious = before > 0 && _ranges[before - 1].Hi == seq;
        var joinsNext = before < _ranges.Count && _ranges[before].Lo == seq + 1;
        if (joinsPrevious && joinsNext)
        {
            _ranges[before - 1] = (_ranges[before - 1].Lo, _ranges[before].Hi);
            _ranges.RemoveAt(before);
        }
        else if (joinsPrevious)
        {
            _ranges[before - 1] = (_ranges[before - 1].Lo, seq + 1);
        }
        else if (joinsNext)
        {
            _ranges[before] = (seq, _ranges[before].Hi);
        }
        else
        {
            _ranges.Insert(before, (seq, seq + 1));
        }
    }

    private void AppendSorted(long lo, long hi)
    {
        if (_ranges.Count > 0 && lo <= _ranges[^1].Hi)
        {
            _ranges[^1] = (_ranges[^1].Lo, Math.Max(_ranges[^1].Hi, hi));
            return;
        }

        _ranges.Add((lo, hi));
    }

    /// <summary>The index of the range holding <paramref name="seq"/>, or the complement of the index of the first range above it.</summary>
    private int IndexOf(long seq)
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
                return mid;
            }
        }

        return ~low;
    }
}
