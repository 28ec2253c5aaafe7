using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

[TestFixture]
[Category("Unit")]
public sealed class ReadingBlockTests
{
    private static readonly DateTimeOffset T0 = TestMessages.T0; // 11:00 UTC

    [Test]
    public void HourOf_LocalOffset_StartOfTheUtcHour()
    {
        var at = new DateTimeOffset(2026, 11, 26, 18, 59, 59, TimeSpan.FromHours(7)).AddTicks(9);
        Assert.That(ReadingBlock.HourOf(at), Is.EqualTo(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Split_TwoDevicesTwoHours_OneBlockPerDeviceAndHourInOrder()
    {
        var readings = new[]
        {
            Reading("gw-b", 3, T0.AddMinutes(61)), Reading("gw-a", 2, T0.AddMinutes(5)), Reading("gw-a", 1, T0.AddMinutes(5)),
            Reading("gw-a", 4, T0.AddMinutes(2)), Reading("gw-b", 5, T0.AddMinutes(59)), Reading("gw-a", 6, T0.AddMinutes(60)),
        };

        var blocks = ReadingBlock.Split(readings);

        Assert.Multiple(() =>
        {
            Assert.That(blocks.Select(b => (b.DeviceId, b.Hour)), Is.EqualTo(new[]
            {
                ("gw-a", T0), ("gw-a", T0.AddHours(1)), ("gw-b", T0), ("gw-b", T0.AddHours(1)),
            }));
            Assert.That(blocks[0].Readings.Select(r => r.Seq), Is.EqualTo(new long[] { 4, 1, 2 }), "by timestamp, then sequence");
            Assert.That((blocks[0].First, blocks[0].Last), Is.EqualTo((T0.AddMinutes(2), T0.AddMinutes(5))));
        });
    }

    [Test]
    public void Split_OneMessageInOrder_OneBlockWithItsReadings()
    {
        var readings = Enumerable.Range(1, 50).Select(i => Reading("gw-a", i, T0.AddSeconds(i))).ToList();
        var blocks = ReadingBlock.Split(readings);
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Select(b => (b.DeviceId, b.Hour)), Is.EqualTo(new[] { ("gw-a", T0) }));
            Assert.That(blocks[0].Readings, Is.EqualTo(readings));
        });
    }

    [Test]
    public void Split_OneMessageClockSteppedBackOrSecondArrival_SortedAndSplitByArrival()
    {
        // The gateway's clock was corrected backwards mid-message (seq 3 taken "before" seq 2), and seq 4 arrived later.
        var readings = new[]
        {
            Reading("gw-a", 1, T0.AddMinutes(1)), Reading("gw-a", 2, T0.AddMinutes(9)), Reading("gw-a", 3, T0.AddMinutes(5)),
            Reading("gw-a", 4, T0.AddMinutes(10)) with { ReceivedAt = T0.AddMinutes(11) },
        };
        var blocks = ReadingBlock.Split(readings);
        Assert.That(blocks.Select(b => b.Readings.Select(r => r.Seq).ToArray()), Is.EqualTo(new[] { new long[] { 1, 3, 2 }, [4] }));
    }

    [Test]
    public void Split_NoReadings_NoBlocks()
    {
        Assert.That(ReadingBlock.Split([]), Is.Empty);
    }

    [Test]
    public void Hours_QueryWithinAndAcrossHours_HoursOfFromAndTo()
    {
        var query = new TelemetryQuery("gw-a", null, T0.AddMinutes(59), T0.AddMinutes(121), 10);
        Assert.That(ReadingBlock.Hours(query), Is.EqualTo((T0, T0.AddHours(2))));
    }

    [Test]
    public void Select_BlocksOfOneHourFromSeveralMessages_MergedInOrderWithinRangeAndLimit()
    {
        var first = ReadingBlock.Split([Reading("gw-a", 1, T0.AddMinutes(1)), Reading("gw-a", 3, T0.AddMinutes(3)), Reading("gw-a", 5, T0.AddMinutes(5))]);
        var second = ReadingBlock.Split([Reading("gw-a", 2, T0.AddMinutes(2)), Reading("gw-a", 4, T0.AddMinutes(4)), Reading("gw-a", 6, T0.AddMinutes(6))]);
        var query = new TelemetryQuery("gw-a", null, T0.AddMinutes(2), T0.AddMinutes(6), 3);

        var selected = ReadingBlock.Select(first.Concat(second), query);

        Assert.That(selected.Select(r => r.Seq), Is.EqualTo(new long[] { 2, 3, 4 }));
    }

    [Test]
    public void Select_ChannelAndOtherDevice_OnlyThatDevicesChannel()
    {
        var blocks = ReadingBlock.Split([
            Reading("gw-a", 1, T0, "battery_v"), Reading("gw-a", 2, T0, "temp_c"), Reading("gw-b", 3, T0, "battery_v"),
        ]);
        var query = new TelemetryQuery("gw-a", "battery_v", T0, T0, 10);

        Assert.That(ReadingBlock.Select(blocks, query).Select(r => r.Seq), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void FromStore_Readings_KeptAsGiven()
    {
        var readings = new[] { Reading("gw-a", 1, T0), Reading("gw-a", 2, T0.AddMinutes(1)) };
        var block = ReadingBlock.FromStore("gw-a", T0, readings);
        Assert.That((block.DeviceId, block.Hour, block.Readings), Is.EqualTo(("gw-a", T0, (IReadOnlyList<StoredReading>)readings)));
    }

    private static StoredReading Reading(string device, long seq, DateTimeOffset at, string channel = "battery_v") =>
        new(device, seq, channel, at, seq, Quality.Good, T0);
}
