using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Diagnostics.Status;
using Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

namespace Thanhhoa.Iot.Edge.Diagnostics;

/// <summary>
/// What a gateway run as a service adds for its technician and its supervisor: the status file
/// writer (for <c>thgw status</c>) and the systemd watchdog. <c>thgw run</c> calls this after
/// <c>AddGateway</c>; the simulated fleet does not (a thousand status files help nobody).
/// </summary>
public static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<StatusFileWriter>();
        services.TryAddSingleton<IGatewayLiveness>(sp => new GatewayLiveness(sp));
        services.AddHostedService(sp => new SystemdWatchdog(
            sp.GetService<WatchdogSettings>() ?? WatchdogSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId),
            sp.GetRequiredService<IGatewayLiveness>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SystemdWatchdog>>()));
        return services;
    }
}
