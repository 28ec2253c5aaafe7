using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
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
    public async Task AddGateway_SimulationEnabled_RegistersTheSiteChannels()
    {
        var configuration = Config(new() { ["Gateway:DeviceId"] = "gw-1", ["Simulation:Enabled"] = "true" });
        await using var gateway = GatewayInstance.Create(configuration, AddTestOutbox);

        var ids = gateway.Services.GetServices<ISensorChannel>().Select(c => c.Id);

        Assert.That(ids, Is.EquivalentTo(new[] { "mains", "generator", "door", "battery_v", "load_a", "cabinet_t" }));
        Assert.That(gateway.Services.GetRequiredService<IReadingSink>().GetType().Name, Is.EqualTo("OutboxReadingSink"));
    }

    [Test]
    [Category("Unit")]
    public void Fleet_PrefixMakesInvalidIds_RefusedWithTheExample()
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulatedFleet.Create(
            Config([]), 2, "Sim_", "/tmp/x", (NullLoggerFactory.Instance, TimeProvider.System), AddTestOutbox));

        Assert.That(ex!.Message, Does.Contain("Sim_0002"));
    }

    [Test]
    [Category("Integration")]
    public async Task Fleet_ThreeSimulatedGateways_EachConnectsOnItsOwnAndDeliversThenSaysOffline()
    {
        using var dir = new TempDirectory("fleet");
        await using var broker = await TestBroker.StartAsync();
        var configuration = Config(new()
        {
            ["Uplink:Host"] = "127.0.0.1",
            ["Uplink:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulation:PollInterval"] = "00:00:00.200",
        });
        await using var fleet = SimulatedFleet.Create(configuration, 3, "sim-", dir.Path, (NullLoggerFactory.Instance, TimeProvider.System), AddTestOutbox);

        await fleet.StartAsync(CancellationToken.None);
        var ids = new[] { "sim-0001", "sim-0002", "sim-0003" };
        foreach (var id in ids)
        {
            var telemetry = await broker.WaitForAsync(m => m.ClientId == id && m.IsTelemetry);
            Assert.That(telemetry.Topic, Is.EqualTo($"thiot/v1/{id}/up/telemetry"));
        }

        await fleet.StopAsync(CancellationToken.None);

        var goodbyes = broker.Received.Where(m => m.IsState && m.State.State == LinkState.Offline).Select(m => (m.ClientId, m.State.Reason));
        Assert.That(goodbyes, Is.EquivalentTo(ids.Select(id => (id, (string?)"shutdown"))));
        Assert.That(ids.Select(id => File.Exists(Path.Combine(dir.Path, id, "uplink-session"))), Is.All.True);
        Assert.That(fleet.Progress().DeliveredReadings, Is.GreaterThanOrEqualTo(18));
    }

    private static void AddTestOutbox(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IOutbox, InMemoryOutboxDouble>();

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
