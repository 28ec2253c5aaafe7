using Microsoft.Extensions.Configuration;

namespace Thanhhoa.Iot.Gateway;

/// <summary>
/// Where thgw reads its settings, later wins: appsettings.json beside the binary,
/// /etc/thgw/appsettings.json (or the file named by THGW_CONFIG), then environment variables
/// THGW_Section__Key. The service (<c>run</c>) and the technician's verbs read the same sources, so
/// doctor checks what run uses, and <c>provision</c> writes the file run reads.
/// </summary>
internal static class GatewayConfiguration
{
    public const string SystemConfigFile = "/etc/thgw/appsettings.json";

    public const string EnvironmentPrefix = "THGW_";

    /// <summary>Environment variable naming another system configuration file (e.g. for a second gateway on one machine).</summary>
    public const string ConfigFileVariable = "THGW_CONFIG";

    /// <summary>The system configuration file: $THGW_CONFIG, else /etc/thgw/appsettings.json.</summary>
    public static string ConfigFile => Environment.GetEnvironmentVariable(ConfigFileVariable) is { Length: > 0 } file ? Path.GetFullPath(file) : SystemConfigFile;

    /// <summary>One line naming the sources, for messages that tell a technician where to change a setting.</summary>
    public const string Sources = SystemConfigFile + " / THGW_Section__Key";

    /// <summary>Adds the system file and the environment after what <paramref name="builder"/> already has.</summary>
    /// When the settings so far enable the simulation (a laptop or test bench), the shipped BTS profile
    /// and simulation.json go in first, exactly as <c>thgw simulate</c> runs them, so run, doctor and
    /// sensors exercise the same drivers; the system file and the environment still win.
    public static IConfigurationBuilder AddSystemSources(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var probe = new ConfigurationBuilder();
        foreach (var source in builder.Sources)
        {
            probe.Add(source);
        }

        probe.AddJsonFile(ConfigFile, optional: true, reloadOnChange: false).AddEnvironmentVariables(EnvironmentPrefix);
        if (probe.Build().GetValue<bool>("Simulation:Enabled"))
        {
            builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, Cli.SimulateCommand.ProfileFile), optional: false, reloadOnChange: false)
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, Cli.SimulateCommand.SimulationFile), optional: false, reloadOnChange: false);
        }

        return builder
            .AddJsonFile(ConfigFile, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix);
    }

    /// <summary>The full configuration as the service would see it, for the technician's verbs.</summary>
    public static IConfiguration Build() => AddSystemSources(new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false))
        .Build();
}
