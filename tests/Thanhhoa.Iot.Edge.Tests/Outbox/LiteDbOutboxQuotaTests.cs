using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxQuotaTests
{
    private const long Quota = 1024 * 1024;
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("thiot-outbox-quota");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task AppendReadingsAsync_BeyondQuota_DropsOldestReadingsKeepsEveryEventAndNewestReadings()
    {
        var logger = new CapturingLogger<LiteDbOutbox>();
        using var outbox = Create(Options(_dir.Path, Quota), logger: logger);
        var events = new List<long>();
        var readings = new List<long>();
        for (var batch = 0; batch < 100; batch++)
        {
            events.Add(await outbox.AppendEventAsync(Event($"alarm_{batch}"), CancellationToken.None));
            readings.AddRange(await outbox.AppendReadingsAsync(Readings(100, batch * 100), CancellationToken.None));
        }

        var status = outbox.GetStatus();
        var keptReadings = outbox.PeekReadings(int.MaxValue).Select(r => r.Seq).ToList();
        Assert.That(outbox.PeekEvents(int.MaxValue).Select(e => e.Seq), Is.EqualTo(events), "events are never evicted");
        Assert.That(status.DroppedReadings, Is.GreaterThan(0));
        Assert.That(keptReadings, Has.Count.EqualTo(readings.Count - status.DroppedReadings));
        Assert.That(keptReadings, Is.EqualTo(readings.TakeLast(keptReadings.Count)), "the newest readings are kept");
        Assert.That(status.UsedBytes, Is.LessThanOrEqualTo(Quota));
        Assert.That(logger.Entries.Where(e => e.Level == LogLevel.Warning && e.Id.Id == 3101), Is.Not.Empty, "reaching the quota is logged as a warning");
    }

    [Test]
    public async Task GetDroppedRanges_AfterEviction_CoverExactlyTheDroppedReadingsAndSurviveReopen()
    {
        var readings = new List<long>();
        IReadOnlyList<DroppedRange> ranges;
        using (var outbox = Create(Options(_dir.Path, Quota)))
        {
            for (var batch = 0; batch < 60; batch++)
            {
                readings.AddRange(await outbox.AppendReadingsAsync(Readings(100, batch * 100), CancellationToken.None));
                if (batch % 20 == 0)
                {
                    await outbox.AppendEventAsync(Event(), CancellationToken.None); // events split the runs
                }
            }

            ranges = outbox.GetDroppedRanges();
            var kept = outbox.PeekReadings(int.MaxValue).Select(r => r.Seq).ToHashSet();
            var dropped = readings.Where(s => !kept.Contains(s)).ToList();
            var inRanges = ranges.SelectMany(r => Enumerable.Range(0, (int)r.Count).Select(i => r.First + i)).ToList();

            Assert.That(ranges, Has.Count.GreaterThan(1));
            Assert.That(inRanges, Is.EqualTo(dropped));
            Assert.That(ranges.Sum(r => r.Count), Is.EqualTo(outbox.GetStatus().DroppedReadings));
            Assert.That(ranges[0].DroppedAt, Is.EqualTo(Start), "stamped by the injected TimeProvider");
        }

        using var reopened = Create(Options(_dir.Path, Quota));
        Assert.That(reopened.GetDroppedRanges(), Is.EqualTo(ranges));
    }

    [Test]
    public async Task AppendReadingsAsync_PolicyNamesEvents_EventsStayBecauseOnlyReadingsCanBeDropped()
    {
        var policy = new GreedyPolicy();
        using var outbox = Create(Options(_dir.Path, Quota), policy: policy);
        var ev = await outbox.AppendEventAsync(Event(), CancellationToken.None);
        for (var batch = 0; batch < 40; batch++)
        {
            await outbox.AppendReadingsAsync(Readings(100, batch * 100), CancellationToken.None);
        }

        Assert.That(policy.Calls, Is.GreaterThan(0), "the retention seam is consulted at the quota");
        Assert.That(policy.OfferedEvent, Is.False, "events are never offered");
        Assert.That(outbox.PeekEvents(10).Select(e => e.Seq), Is.EqualTo(new[] { ev }));
    }

    [Test]
    public async Task AppendReadingsAsync_FarBeyondQuota_FilesStayWithinQuota()
    {
        using var outbox = Create(Options(_dir.Path, 2 * Quota));
        for (var batch = 0; batch < 300; batch++)
        {
            await outbox.AppendReadingsAsync(Readings(200, batch * 200), CancellationToken.None);
            Assert.That(outbox.GetStatus().UsedBytes, Is.LessThanOrEqualTo(2 * Quota), $"after batch {batch}");
        }

        var dataFile = new FileInfo(_dir.File("outbox.db")).Length + new FileInfo(_dir.File("outbox-log.db")).Length;
        Assert.That(dataFile, Is.LessThanOrEqualTo(2 * Quota));
    }

    /// <summary>Asks to drop everything it is offered plus sequence 1 (an event in the test).</summary>
    private sealed class GreedyPolicy : IOutboxRetentionPolicy
    {
        public int Calls { get; private set; }

        public bool OfferedEvent { get; private set; }

        public RetentionDecision Decide(RetentionContext context)
        {
            Calls++;
            OfferedEvent |= context.OldestReadings.Any(r => r.Seq == 1);
            return new RetentionDecision([1, .. context.OldestReadings.Select(r => r.Seq)]);
        }
    }
}
