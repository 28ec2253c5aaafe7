using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Simulation;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Simulation;

[TestFixture]
[Category("Unit")]
public sealed class SimulatedSiteTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Outage_Scripted_MainsDropsBatteryFallsMonotonicallyThenRecovers()
    {
        var time = new FakeTimeProvider(T0);
        var channels = Channels(time, Scripted(hasGenerator: false));

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.That(await Read(channels, "mains"), Is.EqualTo(1));
        Assert.That(await Read(channels, "battery_v"), Is.EqualTo(54.0).Within(0.01));

        var duringOutage = new List<double>();
        for (var minute = 60; minute < 240; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.That(await Read(channels, "mains"), Is.Zero, $"minute {minute}");
            duringOutage.Add(await Read(channels, "battery_v"));
        }

        Assert.That(duringOutage, Is.Ordered.Descending);
        Assert.That(duringOutage[^1], Is.LessThan(duringOutage[0] - 3).And.GreaterThan(44));

        time.Advance(TimeSpan.FromMinutes(60));
        Assert.That(await Read(channels, "mains"), Is.EqualTo(1));
        Assert.That(await Read(channels, "battery_v"), Is.GreaterThan(duringOutage[^1] + 2), "battery recovers on mains");
    }

    [Test]
    public async Task Outage_SiteWithGenerator_GeneratorStartsAfterDelayAndChargesBattery()
    {
        var time = new FakeTimeProvider(T0);
        var channels = Channels(time, Scripted(hasGenerator: true));

        time.Advance(TimeSpan.FromMinutes(64));
        Assert.That(await Read(channels, "generator"), Is.Zero);
        var beforeGenerator = await Read(channels, "battery_v");
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await Read(channels, "generator"), Is.EqualTo(1));
        Assert.That(await Read(channels, "mains"), Is.Zero);
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.That(await Read(channels, "battery_v"), Is.GreaterThan(beforeGenerator));

        time.Advance(TimeSpan.FromHours(3));
        Assert.That(await Read(channels, "generator"), Is.Zero, "the generator stops when mains returns");
    }

    [Test]
    public async Task Outage_LongerThanBatteryLasts_LoadDisconnectedAtCutoff()
    {
        var time = new FakeTimeProvider(T0);
        var options = Scripted(hasGenerator: false);
        options.Outages = [new ScriptedOutage { Start = TimeSpan.FromHours(1), Duration = TimeSpan.FromHours(12) }];
        var channels = Channels(time, options);

        time.Advance(TimeSpan.FromHours(11));

        Assert.That(await Read(channels, "load_a"), Is.Zero);
        Assert.That(await Read(channels, "battery_v"), Is.EqualTo(44.0).Within(0.5), "at the 44 V low-voltage disconnect");
    }

    [Test]
    public async Task Site_SameSeedReadDifferently_SameHistory()
    {
        var options = new SimulatedSiteOptions { Seed = 42, MeanTimeBetweenOutages = TimeSpan.FromHours(6), MeanTimeBetweenVisits = TimeSpan.FromHours(12) };
        var timeA = new FakeTimeProvider(T0);
        var timeB = new FakeTimeProvider(T0);
        var a = Channels(timeA, options);
        var b = Channels(timeB, options);

        var historyA = new List<double[]>();
        var historyB = new List<double[]>();
        for (var hour = 1; hour <= 72; hour++)
        {
            for (var minute = 0; minute < 60; minute += 7)
            {
                timeA.Advance(TimeSpan.FromMinutes(minute == 0 ? 0 : 7));
                await ReadAll(a);
            }

            timeA.SetUtcNow(T0.AddHours(hour));
            timeB.SetUtcNow(T0.AddHours(hour));
            historyA.Add(await ReadAll(a));
            historyB.Add(await ReadAll(b));
        }

        Assert.That(historyA.SelectMany(x => x), Is.EqualTo(historyB.SelectMany(x => x)).Within(1e-6));
        Assert.That(historyA.Select(h => h[0]), Does.Contain(0.0), "random outages happened in three days");
    }

    private static SimulatedSiteOptions Scripted(bool hasGenerator) => new()
    {
        Seed = 7,
        HasGenerator = hasGenerator,
        MeanTimeBetweenVisits = TimeSpan.Zero,
        Outages = [new ScriptedOutage { Start = TimeSpan.FromHours(1), Duration = TimeSpan.FromHours(3) }],
    };

    private static IReadOnlyList<SimulatedChannel> Channels(TimeProvider time, SimulatedSiteOptions options) =>
        SimulatedChannel.ForSite(new SimulatedSite(options, time), TimeSpan.FromSeconds(5), time);

    private static async Task<double> Read(IReadOnlyList<SimulatedChannel> channels, string id) =>
        (await channels.Single(c => c.Id == id).ReadAsync(CancellationToken.None)).Value;

    private static async Task<double[]> ReadAll(IReadOnlyList<SimulatedChannel> channels)
    {
        var values = new double[channels.Count];
        for (var i = 0; i < channels.Count; i++)
        {
            values[i] = (await channels[i].ReadAsync(CancellationToken.None)).Value;
        }

        return values;
    }
}
