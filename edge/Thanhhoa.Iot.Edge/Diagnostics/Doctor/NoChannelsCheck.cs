using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>Stands in for the sensor checks when no channel could be composed: a gateway with no inputs watches nothing.</summary>
/// <param name="texts">The technician's language.</param>
/// <param name="why">Why there are no channels: none configured (null) or the composition failed (its message).</param>
public sealed class NoChannelsCheck(Texts texts, string? why) : IDiagnosticCheck
{
    public string Name => "sensors";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken) => Task.FromResult(why is null
        ? CheckResult.Fail(Name, texts[TextKey.SensorsNoneConfigured], texts[TextKey.SensorsNoneFix])
        : CheckResult.Fail(Name, texts.Format(TextKey.SensorsNotComposed, why), texts[TextKey.SensorsNoneFix]));
}
