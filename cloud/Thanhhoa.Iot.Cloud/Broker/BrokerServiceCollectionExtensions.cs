using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Broker;

public static class BrokerServiceCollectionExtensions
{
    /// <summary>Registers the embedded broker or the external-broker subscriber, as Broker:Mode says.</summary>
    public static IServiceCollection AddBroker(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BrokerOptions.Section);
        services.AddOptions<BrokerOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();

        var mode = section.GetValue(nameof(BrokerOptions.Mode), BrokerMode.Embedded);
        if (mode == BrokerMode.External)
        {
            services.AddSingleton<ExternalBrokerIngest>();
            services.AddSingleton<IBrokerStatus>(sp => sp.GetRequiredService<ExternalBrokerIngest>());
            services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerIngest>());
            return services;
        }

        services.TryAddSingleton<IClientAuthenticator, DeviceIdAuthenticator>();
        services.AddSingleton<ConnectionTracker>();
        services.AddSingleton<EmbeddedBrokerHandlers>();
        services.AddSingleton<EmbeddedBroker>();
        services.AddSingleton<IBrokerStatus>(sp => sp.GetRequiredService<EmbeddedBroker>());
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        return services;
    }
}
