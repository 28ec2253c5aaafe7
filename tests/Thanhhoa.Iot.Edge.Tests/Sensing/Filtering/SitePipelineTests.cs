using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Filtering;

[TestFixture]
[Category("Unit")]
public sealed class SitePipelineTests
{
    [Test]
    public async Task AcceptAsync_SuppressedReadings_StillReachTheAlarmsAndEventsGoFirst()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 2, 2, 0, 0, TimeSpan.Zero));
        var outbox = new RecordingOutbox();
        var rules = AlarmRuleFactory.Create(new AlarmOptions { MainsFail = new DigitalAlarmOptions { Channel = "mains", Debounce = "5s" } }, new Dictionary<string, IOutputChannel>());
        using var alarms = new AlarmEngine(rules, outbox, time, NullLogger<AlarmEngine>.Instance);
        var filter = new ReportByExceptionFilter(new Dictionary<string, ReportPolicy>
        {
            ["mains"] = new(0, TimeSpan.FromMinutes(15), Digital: true),
            ["battery_v"] = new(1.0, TimeSpan.FromMinutes(15), Digital: false),
        });
        var pipeline = new SitePipeline(alarms, filter, new OutboxReadingSink(outbox));

        for (var second = 0; second <= 5; second++)
        {
            var volts = second == 5 ? 51.0 : 53.0; // moves past the deadband in the tick the alarm raises
            await pipeline.AcceptAsync([Reading(time, "mains", 0), Reading(time, "battery_v", volts)], CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(outbox.Order, Is.EqualTo(new[]
        {
            "reading:mains", "reading:battery_v",                    // first readings pass
            "event:mains_fail:raise", "event:on_battery:raise",      // raised from readings the filter dropped
            "reading:battery_v",                                     // the same batch's telemetry after its events
        }));
    }

    private static SensorReading Reading(TimeProvider time, string channel, double value) => new(channel, time.GetUtcNow(), value, Quality.Good);
}
