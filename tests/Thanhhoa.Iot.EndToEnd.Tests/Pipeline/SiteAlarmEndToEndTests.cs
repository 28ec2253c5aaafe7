using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Pipeline;

/// <summary>
/// A mains outage at a simulated site, through the real drivers, alarm rules, outbox and uplink, arrives
/// in the cloud as the alarm events with the values that raised them, in the order they were raised.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class SiteAlarmEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(150);

    [Test]
    public async Task SimulatedOutage_ArrivesInTheCloudAsAlarmEventsInOrder()
    {
        using var dir = new TempDirectory("e2e-alarms");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var fleet = await FleetProcess.StartAsync(1, cloud.MqttPort, dir.File("fleet"), "alarm-", new Dictionary<string, string>
        {
            // One scripted outage, no generator and a tiny battery, so the sag takes seconds, not hours.
            ["Simulation:MeanTimeBetweenOutages"] = "100.00:00:00",
            ["Simulation:Outages:0:Start"] = "00:00:03",
            ["Simulation:Outages:0:Duration"] = "01:00:00",
            ["Simulation:HasGenerator"] = "false",
            ["Simulation:BatteryCapacityAh"] = "0.3",
            ["Site:Alarms:MainsFail:Debounce"] = "1s",
            ["Site:Alarms:BatteryLow:Debounce"] = "1s",
        });
        var id = fleet.DeviceIds[0];

        var events = await Eventually.UntilAsync(() => cloud.Api.AllEventsAsync(id),
            e => e.Any(x => x.Code == "battery_low" && x.Action == "raise"), Wait, $"battery_low from {id}");

        var raised = events.Where(e => e.Action == "raise").OrderBy(e => e.Seq).Select(e => e.Code).ToList();
        var batteryLow = events.First(e => e.Code == "battery_low" && e.Action == "raise");
        Assert.Multiple(() =>
        {
            Assert.That(raised.Where(c => c is "mains_fail" or "on_battery" or "battery_low"),
                Is.EqualTo(new[] { "mains_fail", "on_battery", "battery_low" }), "each raised once, in this order");
            Assert.That(batteryLow.Values, Does.ContainKey("battery_v"));
            Assert.That(batteryLow.Values!["battery_v"], Is.LessThan(47.0), "the value that crossed the threshold");
        });
    }
}
