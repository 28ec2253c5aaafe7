using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Commands.Host;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Registers remote firmware rollout: <c>down/firmware</c>, A/B slots and the trial health check.</summary>
public static class FirmwareServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FirmwareReceiver"/> (routed to by the downlink router) and <see cref="FirmwareBootCheck"/>.
    /// Needs an IOutbox and IHostControl (and IUplinkStatus for the health check); all of it is inert while <c>Firmware:Enabled</c> is false.
    /// </summary>
    public static IServiceCollection AddFirmwareRollout(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FirmwareOptions>().Bind(configuration.GetSection(FirmwareOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FirmwareOptions>, FirmwareOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SlotLayout(Options(sp).SlotsRoot));
        services.TryAddSingleton<SlotStateStore>();
        services.TryAddSingleton<ISlotSwitcher>(sp => new SymlinkSlotSwitcher(Options(sp).SlotsRoot, sp.GetRequiredService<IHostControl>()));
        services.TryAddSingleton<IFreeSpaceProbe, DriveFreeSpaceProbe>();
        services.TryAddSingleton<IFirmwareHealth>(sp => new GatewayFirmwareHealth(sp.GetService<IUplinkStatus>(), sp.GetRequiredService<IOutbox>()));
        services.TryAddSingleton<FirmwareReporter>();
        services.TryAddSingleton<FirmwareInstaller>();
        services.TryAddSingleton(sp => new RunningFirmware(sp.GetRequiredService<SlotStateStore>(), sp.GetRequiredService<ISlotSwitcher>(),
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Firmware ?? BuildVersion()));
        services.TryAddSingleton<IFirmwareIdentity>(sp => sp.GetRequiredService<RunningFirmware>());
        services.TryAddSingleton(sp => new FirmwareDownloader(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Options(sp),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<FirmwareDownloader>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<FirmwareRollout>(sp, DownloadDirectory(sp)));
        services.TryAddSingleton<FirmwareReceiver>();
        services.AddHostedService<FirmwareBootCheck>();
        return services;
    }

    private static FirmwareOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<FirmwareOptions>>().Value;

    private static string DownloadDirectory(IServiceProvider sp) =>
        Options(sp).DownloadDirectory ?? Path.Combine(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory, "firmware");

    private static string BuildVersion()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(FirmwareReceiver).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return version;
    }
}
