using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Tests.Uplink;

namespace Thanhhoa.Iot.Edge.Tests.Hosting;

[TestFixture]
[Category("Unit")]
public sealed class SimulatedFleetSiteTests
{
    [Test]
    public async Task Create_SitePrefix_GatewayIReportsSiteWithFourDigits()
    {
        await using var fleet = SimulatedFleet.Create(
            new ConfigurationBuilder().Build(), new FleetLayout(2, "sim-", "th-", "/tmp/fleet-sites"), (NullLoggerFactory.Instance, TimeProvider.System), AddOutbox);

        var sites = fleet.Gateways.Select(g => g.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Site);

        Assert.That(sites, Is.EqualTo(new[] { "th-0001", "th-0002" }));
    }

    [Test]
    public async Task Create_NoSitePrefix_NoSite()
    {
        await using var fleet = SimulatedFleet.Create(
            new ConfigurationBuilder().Build(), new FleetLayout(1, "sim-", null, "/tmp/fleet-sites"), (NullLoggerFactory.Instance, TimeProvider.System), AddOutbox);

        Assert.That(fleet.Gateways[0].Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Site, Is.Null);
    }

    private static void AddOutbox(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IOutbox, InMemoryOutboxDouble>();
}
