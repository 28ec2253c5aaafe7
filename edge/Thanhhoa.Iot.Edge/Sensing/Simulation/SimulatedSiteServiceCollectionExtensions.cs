using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>Composition of the simulated site on top of <see cref="SiteProfileServiceCollectionExtensions.AddSiteProfile"/>.</summary>
public static class SimulatedSiteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the simulated site (section <c>Simulation</c>, validated on start; it needs
    /// <c>Site:Hardware = fake</c>): the model, its driver over the <see cref="FakeSiteHardware"/>,
    /// and a hosted service that moves the hardware on the <see cref="SimulationTicker"/>. Register a
    /// ticker first to share one between gateways (a fleet); otherwise this gateway gets its own.
    /// </summary>
    public static IServiceCollection AddSimulatedSite(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SimulatedSiteOptions>()
            .Bind(configuration.GetSection(SimulatedSiteOptions.SectionName))
            .PostConfigure<IOptions<SiteProfileOptions>>((o, site) => o.HasGenerator ??= site.Value.Alarms.Generator is not null)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatedSiteOptions>, SimulatedSiteOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SimulationTicker(
            sp.GetRequiredService<TimeProvider>(), Options(sp).TickInterval, sp.GetRequiredService<ILogger<SimulationTicker>>()));
        services.TryAddSingleton(sp => new SimulatedSite(Options(sp), sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        services.TryAddSingleton(sp =>
        {
            var site = sp.GetRequiredService<SimulatedSite>();
            SimulationLog.Started(sp.GetRequiredService<ILogger<SimulatedSite>>(), Options(sp).Seed, site.HasGenerator, site.BatteryCapacityAh);
            return new SimulatedSiteDriver(
                site,
                sp.GetRequiredService<FakeSiteHardware>(),
                sp.GetRequiredService<IOptions<SiteProfileOptions>>().Value,
                sp.GetRequiredService<ILogger<SimulatedSiteDriver>>());
        });
        services.AddHostedService<SimulatedSiteService>();
        return services;
    }

    private static SimulatedSiteOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<SimulatedSiteOptions>>().Value;
}
