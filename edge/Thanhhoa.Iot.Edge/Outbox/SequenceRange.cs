using System.Collections;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Consecutive sequence numbers given to one append, without a list per call.</summary>
internal sealed class SequenceRange(long first, int count) : IReadOnlyList<long>
{
    public int Count => count;

    public long this[int index] => (uint)index < (uint)count ? first + index : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<long> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return first + i;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
