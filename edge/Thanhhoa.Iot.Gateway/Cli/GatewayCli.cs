using System.CommandLine;
using System.Reflection;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>The verbs of thgw. Usage errors exit 2, failures 1, success 0.</summary>
internal static class GatewayCli
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("thgw — Thanhhoa.Iot gateway: the service and the technician's tools.")
        {
            RunCommand.Create(),
            SimulateCommand.Create(),
            VersionCommand(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"thgw: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'thgw --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Each verb handles Ctrl+C / SIGTERM itself (the host does for run), so the parser does not.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    public static string Version()
    {
        var assembly = typeof(GatewayCli).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    private static Command VersionCommand()
    {
        var command = new Command("version", "Print the thgw version and the wire contract version.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"thgw {Version()} (wire contract v{ContractInfo.Version}, .NET {Environment.Version})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
