using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Simulation;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Simulation;

[TestFixture]
[Category("Unit")]
public sealed class SimulatedSiteTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void AdvanceTo_ScriptedOutage_MainsDropsBatteryFallsMonotonicallyThenRecovers()
    {
        var site = new SimulatedSite(Scripted(hasGenerator: false), T0);

        var before = site.AdvanceTo(T0.AddMinutes(59));
        var duringOutage = new List<SiteConditions>();
        for (var minute = 61; minute < 240; minute++)
        {
            duringOutage.Add(site.AdvanceTo(T0.AddMinutes(minute)));
        }

        var after = site.AdvanceTo(T0.AddMinutes(300));

        Assert.Multiple(() =>
        {
            Assert.That(before.MainsPresent, Is.True);
            Assert.That(before.DcBusVolts, Is.EqualTo(54.0).Within(0.01));
            Assert.That(duringOutage.Select(c => c.MainsPresent), Is.All.False);
            Assert.That(duringOutage.Select(c => c.DcBusVolts), Is.Ordered.Descending);
            Assert.That(duringOutage[^1].DcBusVolts, Is.LessThan(duringOutage[0].DcBusVolts - 3).And.GreaterThan(44));
            Assert.That(after.MainsPresent, Is.True);
            Assert.That(after.DcBusVolts, Is.GreaterThan(duringOutage[^1].DcBusVolts + 2), "battery recovers on mains");
        });
    }

    [Test]
    public void AdvanceTo_SiteWithGenerator_GeneratorRunsAfterItsDelayAndChargesTheBattery()
    {
        var site = new SimulatedSite(Scripted(hasGenerator: true), T0);

        var beforeStart = site.AdvanceTo(T0.AddMinutes(60) + TimeSpan.FromSeconds(44));
        var running = site.AdvanceTo(T0.AddMinutes(61));
        var later = site.AdvanceTo(T0.AddMinutes(90));
        var cooling = site.AdvanceTo(T0.AddHours(4).AddMinutes(2));
        var mainsBack = site.AdvanceTo(T0.AddHours(4).AddMinutes(4));

        Assert.Multiple(() =>
        {
            Assert.That(beforeStart.GeneratorRunning, Is.False);
            Assert.That(running.GeneratorRunning, Is.True);
            Assert.That(running.MainsPresent, Is.False);
            Assert.That(later.DcBusVolts, Is.GreaterThan(beforeStart.DcBusVolts));
            Assert.That(cooling.GeneratorRunning, Is.True, "runs on to cool down after mains returns");
            Assert.That(mainsBack.GeneratorRunning, Is.False, "then stops");
        });
    }

    [Test]
    public void AdvanceTo_GeneratorFailsToStart_SiteStaysOnBattery()
    {
        var options = Scripted(hasGenerator: true);
        options.Outages[0].GeneratorFails = true;
        var site = new SimulatedSite(options, T0);

        var conditions = site.AdvanceTo(T0.AddMinutes(90));

        Assert.That((conditions.MainsPresent, conditions.GeneratorRunning), Is.EqualTo((false, false)));
    }

    [Test]
    public void AdvanceTo_OutageLongerThanTheBatteryLasts_LoadDisconnectedBusDead()
    {
        var options = Scripted(hasGenerator: false);
        options.Outages = [new ScriptedOutage { Start = TimeSpan.FromHours(1), Duration = TimeSpan.FromHours(12) }];
        var site = new SimulatedSite(options, T0);

        var conditions = site.AdvanceTo(T0.AddHours(11));

        Assert.That((conditions.DcBusVolts, conditions.LoadAmps), Is.EqualTo((0.0, 0.0)), "the LVD opened: the load bus is dead");
    }

    [Test]
    public void AdvanceTo_MainsOutage_MeterOnTheIncomerReadsZeroAndItsEnergyHolds()
    {
        var site = new SimulatedSite(Scripted(hasGenerator: true), T0);

        var before = site.AdvanceTo(T0.AddMinutes(59));
        var during = site.AdvanceTo(T0.AddMinutes(120));
        var laterDuring = site.AdvanceTo(T0.AddMinutes(200));
        var after = site.AdvanceTo(T0.AddMinutes(300));

        Assert.Multiple(() =>
        {
            Assert.That(before.AcVolts, Is.EqualTo(226).Within(3));
            Assert.That(before.AcHertz, Is.EqualTo(50).Within(0.1));
            Assert.That(before.AcWatts, Is.GreaterThan(1_500), "rectifier load plus cooling");
            Assert.That(before.AcAmps, Is.EqualTo(before.AcWatts / (before.AcVolts * 0.95)).Within(1e-9));
            Assert.That(new[] { during.AcVolts, during.AcAmps, during.AcWatts, during.AcHertz }, Is.All.Zero, "grid down, even with the generator running");
            Assert.That(laterDuring.AcImportKwh, Is.EqualTo(during.AcImportKwh), "no import while the grid is down");
            Assert.That(during.AcImportKwh, Is.GreaterThan(before.AcImportKwh));
            Assert.That(after.AcImportKwh, Is.GreaterThan(laterDuring.AcImportKwh));
        });
    }

    [Test]
    public void AdvanceTo_OnBattery_CabinetWarmsAndGetsMoreHumid()
    {
        var site = new SimulatedSite(Scripted(hasGenerator: false), T0);

        var cooled = site.AdvanceTo(T0.AddMinutes(59));
        var shed = site.AdvanceTo(T0.AddMinutes(180));

        Assert.Multiple(() =>
        {
            Assert.That(shed.CabinetCelsius, Is.GreaterThan(cooled.CabinetCelsius + 3));
            Assert.That(shed.CabinetHumidityPercent, Is.GreaterThan(cooled.CabinetHumidityPercent + 5));
            Assert.That(shed.BatteryCelsius, Is.GreaterThan(cooled.BatteryCelsius));
        });
    }

    [Test]
    public void AdvanceTo_SameSeedAdvancedInDifferentSteps_SameHistory()
    {
        var options = new SimulatedSiteOptions { Seed = 42, MeanTimeBetweenOutages = TimeSpan.FromHours(6), MeanTimeBetweenVisits = TimeSpan.FromHours(12) };
        var a = new SimulatedSite(options, T0);
        var b = new SimulatedSite(options, T0);

        var historyA = new List<SiteConditions>();
        var historyB = new List<SiteConditions>();
        for (var hour = 1; hour <= 72; hour++)
        {
            for (var minute = 7; minute < 60; minute += 7)
            {
                a.AdvanceTo(T0.AddHours(hour - 1).AddMinutes(minute));
            }

            historyA.Add(a.AdvanceTo(T0.AddHours(hour)));
            historyB.Add(b.AdvanceTo(T0.AddHours(hour)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(historyA.Select(c => (c.MainsPresent, c.GeneratorRunning, c.DoorOpen)), Is.EqualTo(historyB.Select(c => (c.MainsPresent, c.GeneratorRunning, c.DoorOpen))));
            Assert.That(historyA.Select(c => c.DcBusVolts), Is.EqualTo(historyB.Select(c => c.DcBusVolts)).Within(1e-6));
            Assert.That(historyA.Select(c => c.CabinetCelsius), Is.EqualTo(historyB.Select(c => c.CabinetCelsius)).Within(1e-6));
            Assert.That(historyA.Select(c => c.AcImportKwh), Is.EqualTo(historyB.Select(c => c.AcImportKwh)).Within(1e-6));
            Assert.That(historyA.Select(c => c.MainsPresent), Does.Contain(false), "random outages happened in three days");
        });
    }

    [Test]
    public void Constructor_DifferentSeeds_OutagesStaggered()
    {
        var options = Enumerable.Range(1, 20).Select(seed => new SimulatedSiteOptions
        {
            Seed = seed,
            MeanTimeBetweenOutages = TimeSpan.FromMinutes(20),
            MeanOutageDuration = TimeSpan.FromMinutes(10),
        });
        var sites = options.Select(o => new SimulatedSite(o, T0)).ToList();

        var downPerMinute = Enumerable.Range(1, 120)
            .Select(minute => sites.Count(s => !s.AdvanceTo(T0.AddMinutes(minute)).MainsPresent))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(downPerMinute.Max(), Is.LessThan(20), "never the whole province at once");
            Assert.That(downPerMinute.Skip(30).Min(), Is.GreaterThan(0), "some site is always in an outage");
            Assert.That(downPerMinute.Skip(30).Average(), Is.EqualTo(20.0 / 3).Within(3.5), "about a third down: 10 min out of every 30");
        });
    }

    [Test]
    public void Constructor_FleetSeedsOneToFifty_FirstOutagesSpreadAsExponentialGaps()
    {
        var firstOutage = Enumerable.Range(1, 50).Select(seed =>
        {
            var site = new SimulatedSite(new SimulatedSiteOptions { Seed = seed, MeanTimeBetweenOutages = TimeSpan.FromMinutes(20) }, T0);
            var minute = 1;
            while (site.AdvanceTo(T0.AddMinutes(minute)).MainsPresent)
            {
                minute++;
            }

            return minute;
        }).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(firstOutage.Count(m => m <= 2), Is.LessThanOrEqualTo(12), "P(gap < 2 min) = 10%: consecutive seeds must not start together");
            Assert.That(firstOutage.Count(m => m > 20), Is.InRange(10, 28), "P(gap > 20 min) = 37%");
        });
    }

    private static SimulatedSiteOptions Scripted(bool hasGenerator) => new()
    {
        Seed = 7,
        HasGenerator = hasGenerator,
        BatteryCapacityAh = 200,
        MeanTimeBetweenVisits = TimeSpan.Zero,
        Outages = [new ScriptedOutage { Start = TimeSpan.FromHours(1), Duration = TimeSpan.FromHours(3) }],
    };
}
