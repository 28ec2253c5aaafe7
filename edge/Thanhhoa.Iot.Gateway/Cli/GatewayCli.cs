using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>The verbs of thgw; exit codes are listed in <c>thgw --help</c> (see <see cref="ExitCodes"/>).</summary>
internal static class GatewayCli
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var texts = new Texts(ChooseLanguage(args));
        var lang = new Option<string>("--lang") { Description = texts[TextKey.LangDescription], Recursive = true };
        lang.AcceptOnlyFromAmong("vi", "en");
        var root = new RootCommand(texts[TextKey.RootDescription])
        {
            RunCommand.Create(),
            SimulateCommand.Create(),
            VersionCommand(),
            SelfTestCommand.Create(texts),
            StatusCommand.Create(texts),
            DoctorCommand.Create(texts),
            SensorsCommand.Create(texts),
            ProvisionCommand.Create(texts),
            BundleCommand.Create(),
            lang,
        };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((HelpAction)help.Action!, texts);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"thgw: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(texts[TextKey.SeeHelp]).ConfigureAwait(false);
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

    /// <summary>--lang when given and valid (decided before parsing, so help is translated too), else LC_ALL/LC_MESSAGES/LANG.</summary>
    private static Language ChooseLanguage(string[] args) =>
        LanguageChoice.TryParse(LanguageChoice.FindInArguments(args), out var chosen)
            ? chosen
            : LanguageChoice.FromEnvironment(Environment.GetEnvironmentVariable);

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
