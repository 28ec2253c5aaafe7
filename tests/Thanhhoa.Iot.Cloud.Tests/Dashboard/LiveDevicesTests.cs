using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

/// <summary>Merging a device row another node stored (read by the cluster poll) into this node's live view.</summary>
[TestFixture]
[Category("Unit")]
public sealed class LiveDevicesTests
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    [Test]
    public void Merge_SameRowReadBackAtMicrosecondPrecision_NotOlderButChannelsTaken()
    {
        var devices = new LiveDevices(null!);
        devices.Remember(Row(T0, 52.3));

        var changed = devices.Merge(Row(Micro(T0), 52.4));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True, "the same contact time with other newest values: the stored row wins");
            Assert.That(devices.Get("gw-1")!.Channels["battery_v"].Value, Is.EqualTo(52.4));
            Assert.That(devices.Merge(Row(Micro(T0), 52.4)), Is.False, "unchanged: nothing to push");
        });
    }

    [Test]
    public void Merge_OlderRowThanHeld_Ignored()
    {
        var devices = new LiveDevices(null!);
        devices.Remember(Row(T0.AddSeconds(5), 52.4));

        Assert.Multiple(() =>
        {
            Assert.That(devices.Merge(Row(T0, 52.3)), Is.False);
            Assert.That(devices.Get("gw-1")!.Channels["battery_v"].Value, Is.EqualTo(52.4));
        });
    }

    [Test]
    public void Merge_OlderOrNewerRow_KeptIsTheInstanceTheViewHolds()
    {
        var devices = new LiveDevices(null!);
        var held = Row(T0.AddSeconds(5), 52.4);
        devices.Remember(held);
        var newer = Row(T0.AddSeconds(6), 52.5);

        devices.Merge(Row(T0, 52.3), out var keptOverOlder);
        devices.Merge(newer, out var keptNewer);

        Assert.Multiple(() =>
        {
            Assert.That(keptOverOlder, Is.SameAs(held));
            Assert.That(keptNewer, Is.SameAs(newer));
            Assert.That(devices.Get("gw-1"), Is.SameAs(newer));
        });
    }

    private static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    private static DeviceState Row(DateTimeOffset lastSeen, double volts) => new()
    {
        DeviceId = "gw-1", Online = true, Session = 1, FirstSeen = T0.AddHours(-1), LastSeen = lastSeen, StateChangedAt = T0.AddHours(-1), Site = "th-0001",
        Channels = new Dictionary<string, ChannelValue> { ["battery_v"] = new(volts, lastSeen, Quality.Good, 1) },
    };
}
