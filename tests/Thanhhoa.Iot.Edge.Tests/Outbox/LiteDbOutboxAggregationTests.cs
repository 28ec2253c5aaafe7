using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>The real LiteDB outbox at its quota with the aggregating retention.</summary>
[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxAggregationTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("outbox-aggregate");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Append_OverQuota_OldRawReplacedByAggregatesThatSummariseThemAndRangesSurviveRestart()
    {
        var options = Options(_dir.Path, 1024 * 1024);
        options.AggregateInFlightReadings = 100;
        var appended = new List<SensorReading>();
        IReadOnlyList<DownsampledRange> ranges;
        using (var outbox = Create(options, policy: new AggregateThenDropPolicy(TimeSpan.FromMinutes(1))))
        {
            for (var batch = 0; batch < 20; batch++)
            {
                var readings = Enumerable.Range(batch * 100, 100).Select(i => new SensorReading("battery_v", Start.AddSeconds(i), i % 60, Quality.Good)).ToArray();
                appended.AddRange(readings);
                await outbox.AppendReadingsAsync(readings, CancellationToken.None);
            }

            ranges = outbox.GetDownsampledRanges();
            Assert.That(ranges, Is.Not.Empty, "the quota was reached and raw telemetry replaced");
            Assert.That(outbox.GetDroppedRanges(), Is.Empty, "aggregating freed enough: nothing dropped");
            Assert.That(outbox.PeekReadings(100).Select(r => r.Channel), Has.All.EqualTo("battery_v"), "the oldest (possibly in flight) stay raw");

            var rows = outbox.PeekReadings(int.MaxValue).Where(r => r.Channel.StartsWith("battery_v--", StringComparison.Ordinal)).ToList();
            var firstMinute = rows.Where(r => r.Timestamp == Start.AddMinutes(2)).ToDictionary(r => r.Channel, r => r.Value);
            Assert.That(firstMinute, Is.EqualTo(new Dictionary<string, double>
            {
                ["battery_v--min"] = 0, ["battery_v--max"] = 59, ["battery_v--avg"] = 29.5, ["battery_v--n"] = 60,
            }));
        }

        using (var reopened = Create(options, policy: new AggregateThenDropPolicy(TimeSpan.FromMinutes(1))))
        {
            Assert.That(reopened.GetDownsampledRanges(), Is.EqualTo(ranges));
        }
    }
}
