using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Commands;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Sensing.Simulation;
using Thanhhoa.Iot.Edge.Timekeeping;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>
/// Composes one gateway: options (validated on start), the site profile (channels, alarm rules,
/// report by exception), the simulated site when <c>Simulation:Enabled</c>, the sensor poller and
/// the MQTT uplink. <c>thgw run</c> and every gateway of <c>thgw simulate</c> call this same method.
/// The outbox is registered separately (an <c>IOutbox</c> singleton must be added by the caller).
/// </summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddValidated<GatewayOptions, GatewayOptionsValidator>(services, configuration, GatewayOptions.SectionName);
        AddValidated<UplinkOptions, UplinkOptionsValidator>(services, configuration, UplinkOptions.SectionName);
        AddValidated<SensorPollerOptions, SensorPollerOptionsValidator>(services, configuration, SensorPollerOptions.SectionName);

        services.AddLogging(); // keeps a logger factory the caller registered first (the fleet shares one)
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UplinkStatus>();
        services.TryAddSingleton<IUplinkStatus>(sp => sp.GetRequiredService<UplinkStatus>());
        services.AddGatewayCommands(configuration); // down/cmd and down/config: the gateway's IDownlinkHandler
        services.TryAddSingleton<IDownlinkHandler, LoggingDownlinkHandler>();
        services.AddTimekeeping(configuration); // no RTC: whether wall time is trusted; the outbox stamps rows with it
        services.AddDataBudget(configuration); // metering and levels; off unless Budget:DailyBytes/MonthlyBytes is set

        // Hosted services start in this order: the site (and its simulation) before the first poll.
        services.AddSiteProfile(configuration);
        if (configuration.GetSection(SimulatedSiteOptions.SectionName).GetValue<bool>(nameof(SimulatedSiteOptions.Enabled)))
        {
            services.AddSimulatedSite(configuration);
        }

        services.AddHostedService<SensorPoller>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<MqttUplink>(sp, Random.Shared));
        return services;
    }

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
