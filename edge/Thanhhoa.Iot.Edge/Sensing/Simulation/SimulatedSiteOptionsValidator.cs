using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>Checks the simulated site's settings at start.</summary>
internal sealed class SimulatedSiteOptionsValidator : IValidateOptions<SimulatedSiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatedSiteOptions o)
    {
        var failures = new List<string>();
        Positive(failures, "Simulation:PollInterval", o.PollInterval);
        Positive(failures, "Simulation:MeanTimeBetweenOutages", o.MeanTimeBetweenOutages);
        Positive(failures, "Simulation:MeanOutageDuration", o.MeanOutageDuration);
        Positive(failures, "Simulation:VisitDuration", o.VisitDuration);
        if (o.GeneratorStartDelay < TimeSpan.Zero || o.MeanTimeBetweenVisits < TimeSpan.Zero)
        {
            failures.Add("Simulation:GeneratorStartDelay and Simulation:MeanTimeBetweenVisits must not be negative.");
        }

        if (!(o.BatteryCapacityAh > 0) || !(o.LoadCurrentA >= 0))
        {
            failures.Add($"Simulation:BatteryCapacityAh ({o.BatteryCapacityAh}) must be positive and Simulation:LoadCurrentA ({o.LoadCurrentA}) not negative.");
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

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} {value} must be positive.");
        }
    }
}
