using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Filtering;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Filtering;

[TestFixture]
[Category("Unit")]
public sealed class ReportByExceptionFilterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ReportByExceptionFilter _filter = new(new Dictionary<string, ReportPolicy>
    {
        ["battery_v"] = new(0.5, TimeSpan.FromSeconds(60), Digital: false),
        ["door"] = new(5.0, TimeSpan.FromMinutes(15), Digital: true),
    });

    [Test]
    public void Filter_AnalogueValues_PassPastDeadbandOrHeartbeat()
    {
        var passed = Pass(("battery_v", 0, 50.0), ("battery_v", 10, 50.3), ("battery_v", 20, 50.6), ("battery_v", 30, 50.9), ("battery_v", 80, 50.9), ("battery_v", 90, 50.5));

        Assert.That(passed, Is.EqualTo(new[] { (0, 50.0), (20, 50.6), (80, 50.9) }));
    }

    [Test]
    public void Filter_DigitalTransitions_AlwaysPassWhateverTheDeadband()
    {
        var passed = Pass(("door", 0, 0), ("door", 1, 0), ("door", 2, 1), ("door", 3, 1), ("door", 4, 0));

        Assert.That(passed, Is.EqualTo(new[] { (0, 0.0), (2, 1.0), (4, 0.0) }));
    }

    [Test]
    public void Filter_QualityChanges_PassAndRepeatedBadWaitsForHeartbeat()
    {
        var readings = new[]
        {
            Reading("battery_v", 0, 50.0), Reading("battery_v", 1, 0, Quality.Bad), Reading("battery_v", 2, 0, Quality.Bad),
            Reading("battery_v", 62, 0, Quality.Bad), Reading("battery_v", 63, 50.1),
        };

        var passed = _filter.Filter(readings).Select(r => (int)(r.Timestamp - Start).TotalSeconds);

        Assert.That(passed, Is.EqualTo(new[] { 0, 1, 62, 63 }));
    }

    [Test]
    public void Filter_ChannelWithoutPolicy_AlwaysPasses()
    {
        Assert.That(Pass(("other", 0, 1), ("other", 1, 1)), Has.Length.EqualTo(2));
    }

    private (int, double)[] Pass(params (string Channel, int Second, double Value)[] readings) =>
        [.. _filter.Filter([.. readings.Select(r => Reading(r.Channel, r.Second, r.Value))]).Select(r => ((int)(r.Timestamp - Start).TotalSeconds, r.Value))];

    private static SensorReading Reading(string channel, int second, double value, Quality quality = Quality.Good) =>
        new(channel, Start.AddSeconds(second), value, quality);
}
