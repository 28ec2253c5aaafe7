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
    public static IConfigurationBuilder AddSystemSources(IConfigurationBuilder builder) => builder
        .AddJsonFile(ConfigFile, optional: true, reloadOnChange: false)
        .AddEnvironmentVariables(EnvironmentPrefix);

    /// <summary>The full configuration as the service would see it, for the technician's verbs.</summary>
    public static IConfiguration Build() => AddSystemSources(new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false))
        .Build();
}
