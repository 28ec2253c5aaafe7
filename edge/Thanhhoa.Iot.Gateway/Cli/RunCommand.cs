using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw run</c>: the gateway service. Configuration, later wins: appsettings.json beside the
/// binary, /etc/thgw/appsettings.json, environment variables THGW_Section__Key (e.g. THGW_Uplink__Host).
/// </summary>
internal static class RunCommand
{
    public const string SystemConfigFile = GatewayConfiguration.SystemConfigFile;

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
        GatewayConfiguration.AddSystemSources(builder.Configuration);
        // Type=notify: READY=1 once started, STOPPING=1 on stop, journald-friendly console logs.
        // The watchdog pings come from AddGatewayDiagnostics (the package has no watchdog helper).
        builder.Services.AddSystemd();
        GatewayComposition.Add(builder.Services, builder.Configuration, OutboxWiring.AddOutbox);
        try
        {
            using var host = builder.Build();
            // Not RunAsync: it disposes the host, and the died-loop check below must still read its services.
            await host.StartAsync().ConfigureAwait(false);
            await host.WaitForShutdownAsync().ConfigureAwait(false);
            return DiedLoop(host) is { } died ? Fail(died) : ExitCodes.Ok;
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

    /// <summary>
    /// A background loop that died stops the host (BackgroundServiceExceptionBehavior.StopHost), but
    /// RunAsync then returns normally; exiting non-zero is what makes systemd's Restart=on-failure act.
    /// </summary>
    private static string? DiedLoop(IHost host) => host.Services.GetServices<IHostedService>()
        .OfType<BackgroundService>()
        .Where(s => s.ExecuteTask is { IsFaulted: true })
        .Select(s => $"{s.GetType().Name}: {s.ExecuteTask!.Exception!.InnerException?.Message}")
        .FirstOrDefault();

    private static int Fail(string died)
    {
        Console.Error.WriteLine($"thgw: stopped because a gateway loop failed ({died}); exiting 1 so systemd restarts the service.");
        return ExitCodes.Failure;
    }
}
