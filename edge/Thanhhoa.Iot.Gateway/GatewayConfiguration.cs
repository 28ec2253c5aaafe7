using Microsoft.Extensions.Configuration;

namespace Thanhhoa.Iot.Gateway;

/// <summary>
/// Where thgw reads its settings, later wins: appsettings.json beside the binary,
/// /etc/thgw/appsettings.json, then environment variables THGW_Section__Key. The service
/// (<c>run</c>) and the technician's verbs read the same sources, so doctor checks what run uses.
/// </summary>
internal static class GatewayConfiguration
{
    public const string SystemConfigFile = "/etc/thgw/appsettings.json";

    public const string EnvironmentPrefix = "THGW_";

    /// <summary>One line naming the sources, for messages that tell a technician where to change a setting.</summary>
    public const string Sources = SystemConfigFile + " / THGW_Section__Key";

    /// <summary>Adds the system file and the environment after what <paramref name="builder"/> already has.</summary>
    public static IConfigurationBuilder AddSystemSources(IConfigurationBuilder builder) => builder
        .AddJsonFile(SystemConfigFile, optional: true, reloadOnChange: false)
        .AddEnvironmentVariables(EnvironmentPrefix);

    /// <summary>The full configuration as the service would see it, for the technician's verbs.</summary>
    public static IConfiguration Build() => AddSystemSources(new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false))
        .Build();
}
