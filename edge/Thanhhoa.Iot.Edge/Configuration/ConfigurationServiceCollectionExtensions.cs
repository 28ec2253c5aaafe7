using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>Registers desired configuration from the cloud: validation against the profile, atomic apply, reports.</summary>
public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AppliedConfiguration"/> as the poller's <see cref="ISensorSchedule"/> and the uplink's
    /// <see cref="IUploadCadence"/>, restored from <c>Gateway:DataDirectory</c> before anything polls.
    /// </summary>
    public static IServiceCollection AddDesiredConfiguration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LocalConfigFacts(sp.GetServices<ISensorChannel>(), sp.GetService<AlarmEngine>()));
        services.TryAddSingleton(sp => new AppliedConfigStore(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory));
        services.TryAddSingleton<DesiredConfigApplier>();
        services.TryAddSingleton(sp => sp.GetRequiredService<DesiredConfigApplier>().Holder);
        services.TryAddSingleton<DesiredConfigReceiver>();
        services.TryAddSingleton<ISensorSchedule>(sp => sp.GetRequiredService<DesiredConfigApplier>().Holder);
        services.TryAddSingleton<IUploadCadence>(sp => sp.GetRequiredService<DesiredConfigApplier>().Holder);
        return services;
    }
}
