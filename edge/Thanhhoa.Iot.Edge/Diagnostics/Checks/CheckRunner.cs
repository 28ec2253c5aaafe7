using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Checks;

/// <summary>Runs checks one after another; a check that throws fails alone and the rest still run.</summary>
public static class CheckRunner
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(
        IEnumerable<IDiagnosticCheck> checks,
        Texts texts,
        Action<IDiagnosticCheck>? starting,
        Action<CheckResult> finished,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(finished);
        var results = new List<CheckResult>();
        foreach (var check in checks)
        {
            starting?.Invoke(check);
            CheckResult result;
            try
            {
                result = await check.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = CheckResult.Fail(check.Name, $"{ex.GetType().Name}: {ex.Message}", texts[TextKey.CheckCrashedFix]);
            }

            results.Add(result);
            finished(result);
        }

        return results;
    }
}
