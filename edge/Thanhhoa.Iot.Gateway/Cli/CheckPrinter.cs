using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// Prints check results as "ok|FAIL name: detail" on stdout (one line each, what scripts and tests
/// read), the fix on the next line, and progress lines for slow steps on stderr.
/// </summary>
internal sealed class CheckPrinter(Texts texts)
{
    public void Starting(IDiagnosticCheck check)
    {
        if (check.Progress is { } progress)
        {
            Console.Error.WriteLine($"… {progress}");
        }
    }

    public void Finished(CheckResult result)
    {
        Console.WriteLine($"{(result.Passed ? "ok" : "FAIL")} {result.Name}: {result.Detail}");
        if (!result.Passed && result.Fix is { } fix)
        {
            Console.WriteLine($"     → {texts[TextKey.FixLabel]}: {fix}");
        }
    }
}
