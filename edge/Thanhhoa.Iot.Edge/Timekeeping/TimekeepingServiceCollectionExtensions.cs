using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>Registers the clock-trust service (section <c>Timekeeping</c>) and its monitor.</summary>
public static class TimekeepingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ClockTrust"/> as <see cref="IClockTrust"/> and <see cref="ICloudTimeSink"/>, with the
    /// kernel's boot id and the Linux NTP state unless other <see cref="IBootIdentity"/> or
    /// <see cref="IClockSyncState"/> are registered first. The LiteDB outbox stamps rows with it when present.
    /// </summary>
    public static IServiceCollection AddTimekeeping(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TimekeepingOptions>().Bind(configuration.GetSection(TimekeepingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimekeepingOptions>, TimekeepingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBootIdentity, KernelBootIdentity>();
        services.TryAddSingleton<IClockSyncState, LinuxClockSyncState>();
        services.TryAddSingleton<ClockTrust>();
        services.TryAddSingleton<IClockTrust>(sp => sp.GetRequiredService<ClockTrust>());
        services.TryAddSingleton<ICloudTimeSink>(sp => sp.GetRequiredService<ClockTrust>());
        services.AddHostedService<ClockTrustMonitor>();
        return services;
    }
}
