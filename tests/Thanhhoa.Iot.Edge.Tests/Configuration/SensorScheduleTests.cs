using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Tests.Commands;

namespace Thanhhoa.Iot.Edge.Tests.Configuration;

/// <summary>The poller follows the desired configuration at run time: channels off, slower intervals.</summary>
[TestFixture]
[Category("Unit")]
public sealed class SensorScheduleTests
{
    [Test]
    public async Task Poll_ScheduleDisablesOneAndSlowsAnother_PollerFollowsWithoutRestart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
        var battery = new FakeSensor("battery_v", 53, TimeSpan.FromSeconds(10));
        var door = new FakeSensor("door", 0, TimeSpan.FromSeconds(10));
        var schedule = new Schedule();
        var sink = new Sink();
        using var poller = new SensorPoller([battery, door], sink, Options.Create(new SensorPollerOptions()), time, NullLogger<SensorPoller>.Instance, schedule);
        await poller.StartAsync(CancellationToken.None);
        Assert.That(await sink.NextAsync(), Is.EquivalentTo(new[] { "battery_v", "door" }));

        schedule.Disabled.Add("door");
        schedule.Intervals["battery_v"] = TimeSpan.FromSeconds(20);
        var seen = new List<string[]>();
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            if (i % 2 == 1)
            {
                seen.Add(await sink.NextAsync());
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { new[] { "battery_v" }, ["battery_v"] }).AsCollection);
        Assert.That(door.Reads, Is.EqualTo(1), "a disabled channel is not read");
        await poller.StopAsync(CancellationToken.None);
    }

    private sealed class Schedule : ISensorSchedule
    {
        public HashSet<string> Disabled { get; } = [];

        public Dictionary<string, TimeSpan> Intervals { get; } = [];

        public bool IsEnabled(string channelId) => !Disabled.Contains(channelId);

        public TimeSpan? IntervalOf(string channelId) => Intervals.TryGetValue(channelId, out var i) ? i : null;
    }

    private sealed class Sink : IReadingSink
    {
        private readonly Channel<string[]> _calls = Channel.CreateUnbounded<string[]>();

        public ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken) =>
            _calls.Writer.WriteAsync(readings.Select(r => r.Channel).ToArray(), cancellationToken);

        public async Task<string[]> NextAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
