using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Commands.Builtins;
using Thanhhoa.Iot.Edge.Commands.Host;
using Thanhhoa.Iot.Edge.Commands.Interlocks;
using Thanhhoa.Iot.Edge.Commands.Logging;
using Thanhhoa.Iot.Edge.Configuration;
using Thanhhoa.Iot.Edge.Firmware;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Registers commands and desired configuration from the cloud: the gateway's <see cref="IDownlinkHandler"/>.</summary>
public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Adds the command journal (beside the outbox), receiver, executor, the built-in command types, the
    /// site's interlocks (<c>Site:Interlocks</c>), host control, the log ring buffer, desired configuration,
    /// and <see cref="DownlinkRouter"/> as the <see cref="IDownlinkHandler"/>. Needs an IOutbox.
    /// </summary>
    public static IServiceCollection AddGatewayCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CommandOptions>().Bind(configuration.GetSection(CommandOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommandOptions>, CommandOptionsValidator>());
        services.AddOptions<SiteInterlockOptions>().Bind(configuration.GetSection(SiteProfileOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiteInterlockOptions>, SiteInterlockOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new CommandJournal(
            sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory,
            sp.GetRequiredService<IOptions<CommandOptions>>().Value.JournalFileName));
        services.TryAddSingleton<CommandQueue>();
        services.TryAddSingleton<CommandHandlers>();
        services.TryAddSingleton<CommandReporter>();
        services.TryAddSingleton<CommandReceiver>();
        services.TryAddSingleton<InterlockGuard>();
        services.TryAddSingleton<RingBufferLoggerProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, RingBufferLoggerProvider>(sp => sp.GetRequiredService<RingBufferLoggerProvider>()));
        services.TryAddSingleton(sp => HostControlFor(sp.GetRequiredService<IOptions<CommandOptions>>(), configuration));
        AddBuiltins(services);
        services.AddHostedService<CommandExecutor>();

        services.AddDesiredConfiguration();
        services.AddFirmwareRollout(configuration);
        services.AddSingleton<IDownlinkHandler, DownlinkRouter>();
        return services;
    }

    private static void AddBuiltins(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, PingCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, ReadNowCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, SetOutputCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, RestartServiceCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, RebootCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, GetConfigCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, UploadLogsCommand>());
    }

    /// <summary>
    /// Picks the host control: a simulated gateway never touches the machine it runs on; <c>auto</c> uses
    /// systemd only when systemd started this process.
    /// </summary>
    private static IHostControl HostControlFor(IOptions<CommandOptions> options, IConfiguration configuration)
    {
        var simulated = configuration.GetSection("Simulation").GetValue<bool>("Enabled");
        var kind = options.Value.HostControl;
        if (kind == HostControlKinds.Simulated || (kind == HostControlKinds.Auto && simulated))
        {
            return new SimulatedHostControl();
        }

        if (kind == HostControlKinds.Systemd || (kind == HostControlKinds.Auto && RunsUnderSystemd()))
        {
            return new SystemdHostControl(options);
        }

        return new UnavailableHostControl(kind == HostControlKinds.None
            ? "Commands:HostControl is none"
            : "thgw does not run as a systemd service here");
    }

    /// <summary>systemd gives every service it starts an INVOCATION_ID.</summary>
    private static bool RunsUnderSystemd() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID"));
}
