using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

[TestFixture]
[Category("Unit")]
public sealed class AggregateThenDropPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly AggregateThenDropPolicy _policy = new(TimeSpan.FromMinutes(1));

    [Test]
    public void Decide_EnoughRawReadings_ReplacesByMinMaxAvgCountWithoutDropping()
    {
        // 30 readings of one channel in one minute, values 0..29.
        var candidates = Enumerable.Range(0, 30).Select(i => Stored(i + 1, "battery_v", T0.AddSeconds(i * 2), i)).ToList();

        var decision = _policy.Decide(new RetentionContext(1000, candidates, 1 << 20) { AggregationCandidates = candidates });

        Assert.That(decision.DropReadings, Is.Empty);
        var replacement = decision.Aggregates.Single();
        Assert.That(replacement.Replaced, Is.EqualTo(Enumerable.Range(1, 30).Select(i => (long)i)));
        Assert.That(replacement.Rows.Select(r => (r.Seq, r.Channel, r.Value)), Is.EqualTo(new[]
        {
            (1L, "battery_v--min", 0.0), (2L, "battery_v--max", 29.0), (3L, "battery_v--avg", 14.5), (4L, "battery_v--n", 30.0),
        }));
        Assert.That(replacement.Rows.Select(r => r.Timestamp), Has.All.EqualTo(T0));
    }

    [Test]
    public void Decide_AggregatingFreesTooLittle_DropsOldestOfTheRestToo()
    {
        var old = Enumerable.Range(0, 10).Select(i => Stored(i + 1, "door_open", T0.AddMinutes(i), 0)).ToList(); // one per minute: nothing to aggregate
        var decision = _policy.Decide(new RetentionContext(300, old, 1 << 20) { AggregationCandidates = old });

        Assert.That(decision.Aggregates, Is.Empty);
        Assert.That(decision.DropReadings, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public void Decide_AggregateRowsOffered_NeverAggregatedAgainButDroppedOldestFirst()
    {
        var rows = Enumerable.Range(1, 8).Select(i => Stored(i, "battery_v--avg", T0, 1) with { IsAggregate = true }).ToList();
        var decision = _policy.Decide(new RetentionContext(150, rows, 1 << 20) { AggregationCandidates = rows });

        Assert.That(decision.Aggregates, Is.Empty);
        Assert.That(decision.DropReadings, Is.EqualTo(new long[] { 1, 2 }));
    }

    private static StoredReading Stored(long seq, string channel, DateTimeOffset at, double value) => new(seq, channel, at, value, Quality.Good, 100);
}
