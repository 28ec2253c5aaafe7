using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

/// <summary>One finished run of the built thgw (dotnet exec thgw.dll): its exit code and output.</summary>
internal sealed record ThgwRun(int ExitCode, IReadOnlyList<string> Lines)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public string Text => string.Join(Environment.NewLine, Lines);

    /// <summary>Stdout lines (ChildProcess prefixes stderr lines with "! ").</summary>
    public IEnumerable<string> Stdout => Lines.Where(l => !l.StartsWith("! ", StringComparison.Ordinal));

    /// <summary>
    /// Runs thgw to completion. The locale is pinned to English unless <paramref name="env"/> says
    /// otherwise, and /etc/thgw is never read because every setting the test needs comes as THGW_ variables.
    /// </summary>
    public static async Task<ThgwRun> ExecAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var environment = new Dictionary<string, string> { ["LC_ALL"] = string.Empty, ["LC_MESSAGES"] = string.Empty, ["LANG"] = "en_US.UTF-8" };
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }

        await using var child = ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), args, environment, "thgw");
        await child.WaitForExitAsync(Limit);
        var code = await child.StopAsync(TimeSpan.FromSeconds(5)); // already exited: returns its exit code
        return new ThgwRun(code, child.Output.ToList());
    }
}
