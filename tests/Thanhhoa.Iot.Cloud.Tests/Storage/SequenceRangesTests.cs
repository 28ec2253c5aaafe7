using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

[TestFixture]
[Category("Unit")]
public sealed class SequenceRangesTests
{
    [Test]
    public void Add_InOrder_OneRange()
    {
        var set = new SequenceRanges();
        for (long s = 1; s <= 50; s++)
        {
            set.Add(s);
        }

        Assert.That(set.Ranges, Is.EqualTo(new[] { (1L, 51L) }));
    }

    [Test]
    public void Add_Gap_TwoRangesUntilFilled()
    {
        var set = SequenceRanges.From([(1, 5)]);
        set.Add(6);
        var withGap = set.Ranges.ToList();
        set.Add(5);
        Assert.Multiple(() =>
        {
            Assert.That(withGap, Is.EqualTo(new[] { (1L, 5L), (6L, 7L) }));
            Assert.That(set.Ranges, Is.EqualTo(new[] { (1L, 7L) }));
        });
    }

    [Test]
    public void Add_Present_FalseAndUnchanged()
    {
        var set = SequenceRanges.From([(10, 20), (30, 31)]);
        Assert.Multiple(() =>
        {
            Assert.That(set.Add(10), Is.False);
            Assert.That(set.Add(19), Is.False);
            Assert.That(set.Add(30), Is.False);
            Assert.That(set.Ranges, Is.EqualTo(new[] { (10L, 20L), (30L, 31L) }));
        });
    }

    [Test]
    public void Add_BelowAndAboveEveryRange_ExtendsOrInserts()
    {
        var set = SequenceRanges.From([(10, 20)]);
        set.Add(9);
        set.Add(20);
        set.Add(2);
        set.Add(40);
        Assert.That(set.Ranges, Is.EqualTo(new[] { (2L, 3L), (9L, 21L), (40L, 41L) }));
    }

    [Test]
    public void Contains_Bounds_HalfOpen()
    {
        var set = SequenceRanges.From([(10, 20), (30, 40)]);
        Assert.That(new long[] { 9, 10, 19, 20, 29, 30, 39, 40 }.Select(set.Contains),
            Is.EqualTo(new[] { false, true, true, false, false, true, true, false }));
    }

    [Test]
    public void From_UnsortedOverlappingTouchingEmpty_Coalesced()
    {
        var set = SequenceRanges.From([(30, 35), (1, 10), (5, 12), (12, 15), (20, 20), (34, 40)]);
        Assert.That(set.Ranges, Is.EqualTo(new[] { (1L, 15L), (30L, 40L) }));
    }

    [Test]
    public void Add_RandomOrder_SameAsSortedSet()
    {
        var random = new Random(7);
        var set = new SequenceRanges();
        var expected = new SortedSet<long>();
        for (var i = 0; i < 2_000; i++)
        {
            var seq = random.NextInt64(0, 500);
            Assert.That(set.Add(seq), Is.EqualTo(expected.Add(seq)));
        }

        var flattened = set.Ranges.SelectMany(r => Enumerable.Range((int)r.Lo, (int)(r.Hi - r.Lo)).Select(s => (long)s));
        Assert.Multiple(() =>
        {
            Assert.That(flattened, Is.EqualTo(expected));
            Assert.That(set.Ranges.Zip(set.Ranges.Skip(1)).All(p => p.First.Hi < p.Second.Lo), Is.True, "ranges sorted, never touching");
        });
    }
}
