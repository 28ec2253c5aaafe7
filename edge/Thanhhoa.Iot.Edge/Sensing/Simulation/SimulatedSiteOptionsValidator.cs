using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>Checks the simulated site's settings, and that the site profile gives it fake hardware to drive.</summary>
internal sealed class SimulatedSiteOptionsValidator(IOptions<SiteProfileOptions> site) : IValidateOptions<SimulatedSiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatedSiteOptions o)
    {
        var failures = new List<string>();
        CheckSite(failures, o);
        Positive(failures, "Simulation:TickInterval", o.TickInterval);
        Positive(failures, "Simulation:MeanTimeBetweenOutages", o.MeanTimeBetweenOutages);
        Positive(failures, "Simulation:MeanOutageDuration", o.MeanOutageDuration);
        Positive(failures, "Simulation:VisitDuration", o.VisitDuration);
        if (o.GeneratorStartDelay < TimeSpan.Zero || o.MeanTimeBetweenVisits < TimeSpan.Zero)
        {
            failures.Add("Simulation:GeneratorStartDelay and Simulation:MeanTimeBetweenVisits must not be negative.");
        }

        if (!(o.GeneratorFailureRate is >= 0 and <= 1))
        {
            failures.Add($"Simulation:GeneratorFailureRate {o.GeneratorFailureRate} must be between 0 and 1 (a share of outages).");
        }

        if ((o.BatteryCapacityAh is { } ah && !(ah > 0)) || !(o.LoadCurrentA >= 0))
        {
            failures.Add($"Simulation:BatteryCapacityAh ({o.BatteryCapacityAh}) must be positive (or unset) and Simulation:LoadCurrentA ({o.LoadCurrentA}) not negative.");
        }

        for (var i = 0; i < o.Outages.Count; i++)
        {
            if (o.Outages[i].Start < TimeSpan.Zero || o.Outages[i].Duration <= TimeSpan.Zero)
            {
                failures.Add($"Simulation:Outages:{i} starts at {o.Outages[i].Start} for {o.Outages[i].Duration}: the start must not be negative and the duration must be positive.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckSite(List<string> failures, SimulatedSiteOptions o)
    {
        var profile = site.Value;
        if (!o.Enabled)
        {
            return;
        }

        if (profile.Hardware != SiteHardwareKinds.Fake)
        {
            failures.Add($"Simulation:Enabled is true but Site:Hardware is '{profile.Hardware}': the simulated site only drives fake hardware; set Site:Hardware to 'fake' (or Simulation:Enabled to false on a real gateway).");
        }

        if (profile.Channels.Count == 0)
        {
            failures.Add("Simulation:Enabled is true but Site:Channels is empty: give the simulated site a profile to drive, e.g. docs/profiles/bts-site.json.");
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} {value} must be positive.");
        }
    }
}
