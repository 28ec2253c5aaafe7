using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>The standard help, followed by the exit codes every verb uses (scripts and systemd read them).</summary>
internal sealed class HelpWithExitCodes(HelpAction standard, Texts texts) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(texts[TextKey.ExitCodesHelp]);
        output.WriteLine();
        return result;
    }
}
