namespace Thanhhoa.Iot.Edge.Diagnostics.Checks;

/// <summary>One check of <c>thgw selftest</c> or <c>thgw doctor</c>.</summary>
public interface IDiagnosticCheck
{
    /// <summary>Stable, untranslated name printed on the result line.</summary>
    string Name { get; }

    /// <summary>A progress line to print before a step that may take a while; null for quick checks.</summary>
    string? Progress { get; }

    /// <summary>Runs the check. An exception counts as a failure of this check only.</summary>
    Task<CheckResult> RunAsync(CancellationToken cancellationToken);
}
