using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Filtering;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Filtering;

/// <summary>The data budget widens deadbands and heartbeats through <see cref="ReportByExceptionFilter.Widening"/>.</summary>
[TestFixture]
[Category("Unit")]
public sealed class ReportByExceptionWideningTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Filter_WidenedFourTimes_DeadbandAndHeartbeatScaledDigitalChangesStillPass()
    {
        var factor = 4.0;
        var filter = new ReportByExceptionFilter(new Dictionary<string, ReportPolicy>
        {
            ["battery_v"] = new(0.5, TimeSpan.FromSeconds(60), Digital: false),
            ["door"] = new(0, TimeSpan.FromMinutes(15), Digital: true),
        }) { Widening = () => factor };

        var passed = filter.Filter(
        [
            At("battery_v", 0, 50.0), At("battery_v", 10, 51.0), At("battery_v", 20, 52.1), At("battery_v", 200, 52.1), At("battery_v", 260, 52.1),
            At("door", 0, 0), At("door", 5, 1),
        ]);

        Assert.That(passed.Select(r => (r.Channel, (int)(r.Timestamp - Start).TotalSeconds)), Is.EqualTo(new[]
        {
            ("battery_v", 0), ("battery_v", 20), ("battery_v", 260), ("door", 0), ("door", 5),
        }));
    }

    private static SensorReading At(string channel, int seconds, double value) => new(channel, Start.AddSeconds(seconds), value, Quality.Good);
}
