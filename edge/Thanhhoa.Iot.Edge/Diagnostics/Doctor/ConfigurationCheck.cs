using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>The configuration passes the same validators <c>thgw run</c> applies at start.</summary>
/// <param name="texts">The technician's language.</param>
/// <param name="validate">Runs the start-up validation and returns every failure (empty when valid).</param>
/// <param name="sources">Where the configuration comes from, for the fix text.</param>
public sealed class ConfigurationCheck(Texts texts, Func<IReadOnlyList<string>> validate, string sources) : IDiagnosticCheck
{
    public string Name => "config";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var failures = validate();
        return Task.FromResult(failures.Count == 0
            ? CheckResult.Ok(Name, texts[TextKey.ConfigOk])
            : CheckResult.Fail(
                Name,
                texts.Format(TextKey.ConfigInvalid, failures.Count) + string.Concat(failures.Select(f => Environment.NewLine + "      - " + f)),
                texts.Format(TextKey.ConfigFix, sources)));
    }
}
