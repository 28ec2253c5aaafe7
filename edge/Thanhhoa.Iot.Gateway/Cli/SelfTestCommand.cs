using System.CommandLine;
using System.Runtime.InteropServices;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.SelfTest;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw selftest</c>: does this binary work on this board? Needs no broker, no configuration and
/// no hardware. Prints the version, runtime and platform, then one line per check; exit 0 only if
/// every check passed. The arm64 image is proven by running exactly this under qemu.
/// </summary>
internal static class SelfTestCommand
{
    public static Command Create(Texts texts)
    {
        var command = new Command("selftest", texts[TextKey.SelfTestDescription]);
        command.SetAction((_, cancellationToken) => RunAsync(texts, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Texts texts, CancellationToken cancellationToken)
    {
        Console.WriteLine($"thgw {GatewayCli.Version()} (wire contract v{ContractInfo.Version}, .NET {Environment.Version})");
        Console.WriteLine(texts.Format(TextKey.SelfTestRuntime, RuntimeInformation.RuntimeIdentifier, RuntimeInformation.FrameworkDescription));
        Console.WriteLine(texts.Format(TextKey.SelfTestPlatform, RuntimeInformation.OSDescription, RuntimeInformation.OSArchitecture, RuntimeInformation.ProcessArchitecture));
        var printer = new CheckPrinter(texts);
        var checks = SelfTestSuite.Create(texts, TimeProvider.System, Path.GetTempPath(), (services, configuration, addOutbox) =>
            GatewayComposition.Add(services, configuration, (s, _) => addOutbox(s)));
        var results = await CheckRunner.RunAsync(checks, texts, printer.Starting, printer.Finished, cancellationToken).ConfigureAwait(false);
        var passed = results.Count(r => r.Passed);
        Console.WriteLine(texts.Format(TextKey.SelfTestSummary, passed, results.Count));
        return passed == results.Count ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
