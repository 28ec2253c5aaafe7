using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Hosting;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw run</c>: the gateway service. Configuration, later wins: appsettings.json beside the
/// binary, /etc/thgw/appsettings.json, environment variables THGW_Section__Key (e.g. THGW_Uplink__Host).
/// </summary>
internal static class RunCommand
{
    public const string SystemConfigFile = "/etc/thgw/appsettings.json";

    public static Command Create()
    {
        var command = new Command("run", "Run the gateway service (what systemd starts).");
        command.SetAction((_, _) => RunAsync());
        return command;
    }

    private static async Task<int> RunAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddJsonFile(SystemConfigFile, optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("THGW_");
        builder.Services.AddSystemd();
        OutboxWiring.AddOutbox(builder.Services, builder.Configuration);
        builder.Services.AddGateway(builder.Configuration);
        try
        {
            using var host = builder.Build();
            await host.RunAsync().ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync(ConfigurationErrors.Describe(ex)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"thgw: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
