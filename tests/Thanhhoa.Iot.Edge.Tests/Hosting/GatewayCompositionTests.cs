using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Sensing.Simulation;
using Thanhhoa.Iot.Edge.Tests.Uplink;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Hosting;

[TestFixture]
public sealed class GatewayCompositionTests
{
    [Test]
    [Category("Unit")]
    public void Create_DeviceIdMissing_FailsNamingTheKeyAndTheFix()
    {
        var configuration = Config(new() { ["Gateway:DataDirectory"] = "/tmp/x" });

        var ex = Assert.Throws<OptionsValidationException>(() => GatewayInstance.Create(configuration, AddTestOutbox));

        Assert.That(ex!.Message, Does.Contain("Gateway:DeviceId").And.Contain("a-z, 0-9"));
    }

    [Test]
    [Category("Unit")]
    public async Task Start_UplinkBatchTooLarge_FailsNamingTheKey()
    {
        var configuration = Config(new() { ["Gateway:DeviceId"] = "gw-1", ["Uplink:ReadingsPerBatch"] = "5000" });
        await using var gateway = GatewayInstance.Create(configuration, AddTestOutbox);

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => gateway.StartAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("Uplink:ReadingsPerBatch 5000").And.Contain("1 to 2000"));
    }

    [Test]
    [Category("Unit")]
    public async Task AddGateway_SimulatedBtsSite_PollsTheProfilesChannelsThroughTheSitePipeline()
    {
        var configuration = Config(new() { ["Gateway:DeviceId"] = "gw-1", ["Site:Hardware"] = "fake", ["Simulation:Enabled"] = "true" }, BtsProfile());
        await using var gateway = GatewayInstance.Create(configuration, AddTestOutbox);

        var ids = gateway.Services.GetServices<ISensorChannel>().Select(c => c.Id);

        Assert.That(ids, Is.EqualTo(new[]
        {
            "mains", "gen_running", "door", "smoke", "battery_v", "load_a", "battery_t", "cabinet_t", "cabinet_rh",
            "ac_v", "ac_a", "ac_w", "ac_hz", "ac_kwh",
        }));
        Assert.That(gateway.Services.GetRequiredService<IReadingSink>(), Is.InstanceOf<SitePipeline>());
        Assert.That(gateway.Services.GetRequiredService<SimulatedSiteDriver>(), Is.Not.Null);
    }

    [Test]
    [Category("Unit")]
    public async Task Start_SimulationOnLinuxHardware_FailsNamingTheFix()
    {
        var configuration = Config(new() { ["Gateway:DeviceId"] = "gw-1", ["Simulation:Enabled"] = "true" }, BtsProfile());
        await using var gateway = GatewayInstance.Create(configuration, AddTestOutbox);

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => gateway.StartAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("Simulation:Enabled is true but Site:Hardware is 'linux'").And.Contain("set Site:Hardware to 'fake'"));
    }

    [TestCase("Sim_", null, "Sim_0002")]
    [TestCase("sim-", "TH-BTS-", "TH-BTS-0002")]
    [Category("Unit")]
    public void Fleet_PrefixMakesInvalidIds_RefusedWithTheExample(string devicePrefix, string? sitePrefix, string example)
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulatedFleet.Create(
            Config([]), new FleetLayout(2, devicePrefix, sitePrefix, "/tmp/x"), (NullLoggerFactory.Instance, TimeProvider.System), AddTestOutbox));

        Assert.That(ex!.Message, Does.Contain(example).And.Contain("a-z, 0-9"));
    }

    [Test]
    [Category("Unit")]
    public async Task Fleet_SitePrefix_GatewayIGetsSiteIAndSeedIOnFakeHardware()
    {
        var layout = new FleetLayout(3, "sim-", "th-bts-", "/tmp/fleet");
        await using var fleet = SimulatedFleet.Create(Config([], BtsProfile()), layout, (NullLoggerFactory.Instance, TimeProvider.System), AddTestOutbox);

        var gateways = fleet.Gateways.Select(g => (
            g.DeviceId,
            g.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Site,
            g.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory,
            g.Services.GetRequiredService<IOptions<SimulatedSiteOptions>>().Value.Seed,
            g.Services.GetRequiredService<IOptions<SiteProfileOptions>>().Value.Hardware));

        Assert.That(gateways, Is.EqualTo(new[]
        {
            ("sim-0001", (string?)"th-bts-0001", "/tmp/fleet/sim-0001", 1, "fake"),
            ("sim-0002", (string?)"th-bts-0002", "/tmp/fleet/sim-0002", 2, "fake"),
            ("sim-0003", (string?)"th-bts-0003", "/tmp/fleet/sim-0003", 3, "fake"),
        }));
    }

    [Test]
    [Category("Integration")]
    public async Task Fleet_ThreeSimulatedGateways_EachConnectsBornWithItsSiteDeliversThenSaysOffline()
    {
        using var dir = new TempDirectory("fleet");
        await using var broker = await TestBroker.StartAsync();
        var configuration = Config(
            new()
            {
                ["Uplink:Host"] = "127.0.0.1",
                ["Uplink:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            BtsProfile());
        var layout = new FleetLayout(3, "sim-", "th-bts-", dir.Path);
        await using var fleet = SimulatedFleet.Create(configuration, layout, (NullLoggerFactory.Instance, TimeProvider.System), AddTestOutbox);

        await fleet.StartAsync(CancellationToken.None);
        var ids = new[] { "sim-0001", "sim-0002", "sim-0003" };
        foreach (var (id, site) in ids.Zip(new[] { "th-bts-0001", "th-bts-0002", "th-bts-0003" }))
        {
            var birth = await broker.WaitForAsync(m => m.ClientId == id && m.IsState && m.State.State == LinkState.Online);
            var telemetry = await broker.WaitForAsync(m => m.ClientId == id && m.IsTelemetry);
            Assert.That(birth.State.Site, Is.EqualTo(site));
            Assert.That(telemetry.Topic, Is.EqualTo($"thiot/v1/{id}/up/telemetry"));
        }

        await fleet.StopAsync(CancellationToken.None);

        var goodbyes = broker.Received.Where(m => m.IsState && m.State.State == LinkState.Offline).Select(m => (m.ClientId, m.State.Reason));
        Assert.That(goodbyes, Is.EquivalentTo(ids.Select(id => (id, (string?)"shutdown"))));
        Assert.That(ids.Select(id => File.Exists(Path.Combine(dir.Path, id, "uplink-session"))), Is.All.True);
        Assert.That(fleet.Progress().DeliveredReadings, Is.GreaterThanOrEqualTo(3 * 14), "every channel's first reading passes report by exception");
    }

    private static void AddTestOutbox(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IOutbox, InMemoryOutboxDouble>();

    private static IConfiguration Config(Dictionary<string, string?> values, IConfiguration? profile = null)
    {
        var builder = new ConfigurationBuilder();
        if (profile is not null)
        {
            builder.AddConfiguration(profile);
        }

        return builder.AddInMemoryCollection(values).Build();
    }

    private static IConfiguration BtsProfile() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "profiles", "bts-site.json"), optional: false).Build();
}
