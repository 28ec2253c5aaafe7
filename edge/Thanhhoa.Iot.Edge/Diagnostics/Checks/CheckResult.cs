namespace Thanhhoa.Iot.Edge.Diagnostics.Checks;

/// <summary>The outcome of one check: a stable name, what was found, and for a failure what to do.</summary>
/// <param name="Name">Stable, untranslated check name, e.g. <c>broker</c> or <c>sensor:battery_v</c>.</param>
/// <param name="Passed">True when the check passed.</param>
/// <param name="Detail">What was found, in the technician's language.</param>
/// <param name="Fix">For a failure: what to do about it, in the technician's language.</param>
public sealed record CheckResult(string Name, bool Passed, string Detail, string? Fix = null)
{
    public static CheckResult Ok(string name, string detail) => new(name, true, detail);

    public static CheckResult Fail(string name, string detail, string? fix = null) => new(name, false, detail, fix);
}
