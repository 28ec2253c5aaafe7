using NUnit.Framework;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.LossLedger;

/// <summary>Ranges a gateway replaced by aggregates (<c>outbox_downsampled</c>) are listed apart from lost and missing.</summary>
[TestFixture]
[Category("Unit")]
public sealed class LossLedgerDownsampleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Calculate_DownsampledDroppedAndUnreportedGaps_ListsEachKindApartAndOnlyAbsentNumbers()
    {
        // 1..4 aggregate rows; 5..20 replaced (an alarm 12 kept inside the range); 21..25 dropped; 26..27 unreported.
        var stored = new long[] { 1, 2, 3, 4, 12, 28, 29, 30 };
        var events = new[] { Event(12, "mains_fail"), Event(29, "outbox_downsampled", 5, 20), Event(30, "outbox_dropped", 21, 25) };

        var report = LossLedgerCalculator.Calculate("gw", stored, events);

        Assert.That(report.Downsampled, Is.EqualTo(new[] { new LossRange(5, 11), new LossRange(13, 20) }));
        Assert.That(report.Lost, Is.EqualTo(new[] { new LossRange(21, 25) }));
        Assert.That(report.Missing, Is.EqualTo(new[] { new LossRange(26, 27) }));
        Assert.That(report.DownsampledCount, Is.EqualTo(15));
    }

    [Test]
    public void Calculate_RangeReportedBothDroppedAndDownsampled_CountsAsLost()
    {
        var events = new[] { Event(10, "outbox_downsampled", 1, 5), Event(11, "outbox_dropped", 3, 5) };

        var report = LossLedgerCalculator.Calculate("gw", [10, 11], events);

        Assert.That(report.Lost, Is.EqualTo(new[] { new LossRange(3, 5) }));
        Assert.That(report.Downsampled, Is.EqualTo(new[] { new LossRange(1, 2) }));
        Assert.That(report.Missing, Is.EqualTo(new[] { new LossRange(6, 9) }));
    }

    private static StoredEvent Event(long seq, string code, long from = 0, long to = 0) => new(
        "gw", seq, T0.AddSeconds(seq), code, EventAction.Info, Severity.Warning, null, null,
        from == 0 ? null : new Dictionary<string, double> { ["from"] = from, ["to"] = to, ["count"] = to - from + 1 }, T0);
}
