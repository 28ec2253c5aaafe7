using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>
/// Control messages (command results, configuration reports) are numbered in the gateway's one sequence space:
/// recording one adds its number to the device's sequence ledger, so the ledger stays one range for a healthy gateway.
/// </summary>
public abstract partial class StoreTestSuite
{
    /// <summary>The device's sequence ledger as the database holds it, as [lo, hi) ranges (empty when it has none).</summary>
    protected abstract Task<IReadOnlyList<(long Lo, long Hi)>> LedgerAsync(string deviceId);

    [Test]
    public async Task RecordControlSequence_BetweenReadings_LedgerStaysOneRange()
    {
        await using var s = await OpenAsync();
        await ReadingsControlReadingsAsync(s);
        Assert.That(await LedgerAsync("gw-1"), Is.EqualTo(new[] { (1L, 21L) }), "a command result between readings must not leave a gap in the ledger");
    }

    [Test]
    public async Task StoreReadings_AfterControlSequenceInLedger_DuplicateDroppedNewStored()
    {
        await using var s = await OpenAsync();
        await ReadingsControlReadingsAsync(s);
        var duplicate = await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 5, 1), T0.AddMinutes(3), None);
        var next = await s.Writer.StoreReadingsAsync("gw-1", Readings("gw-1", 21, 1), T0.AddMinutes(4), None);
        var stored = await s.Telemetry.QueryReadingsAsync(AllOf("gw-1"), None);
        Assert.Multiple(async () =>
        {
            Assert.That(duplicate.Appended, Is.EqualTo(new AppendResult(0, 1)));
            Assert.That(next.Appended, Is.EqualTo(new AppendResult(1, 0)));
            Assert.That(stored.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 21).Where(i => i != 11).Select(i => (long)i)));
            Assert.That(await LedgerAsync("gw-1"), Is.EqualTo(new[] { (1L, 22L) }));
        });
    }

    [Test]
    public async Task RecordControlSequence_DeviceWithoutLedgerRepeated_LedgerHoldsItOnceAndLaterReadingsJoin()
    {
        await using var s = await OpenAsync();
        await s.Control!.RecordAsync("gw-1", 7, None);
        await s.Control.RecordAsync("gw-1", 7, None);
        var readings = await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 6), T0.AddMinutes(1), None);
        Assert.Multiple(async () =>
        {
            Assert.That(await s.Control.GetAsync("gw-1", None), Is.EqualTo(new[] { 7L }));
            Assert.That(readings.Appended, Is.EqualTo(new AppendResult(6, 0)));
            Assert.That(await LedgerAsync("gw-1"), Is.EqualTo(new[] { (1L, 8L) }));
            Assert.That(await LedgerAsync("gw-2"), Is.Empty);
        });
    }

    /// <summary>Readings 1..10, a command result numbered 11, readings 12..20, as one healthy gateway sends them.</summary>
    private static async Task ReadingsControlReadingsAsync(StoreSession s)
    {
        await s.Writer!.StoreReadingsAsync("gw-1", Readings("gw-1", 1, 10), T0.AddMinutes(1), None);
        await s.Control!.RecordAsync("gw-1", 11, None);
        await s.Writer.StoreReadingsAsync("gw-1", Readings("gw-1", 12, 9), T0.AddMinutes(2), None);
    }
}
