using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>Refuses to start with an ingest pace that cannot work, naming the key.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxReadingsPerSecond < 0)
        {
            errors.Add($"Ingest:MaxReadingsPerSecond {options.MaxReadingsPerSecond} is negative; use 0 for unpaced or the readings per second the store sustains, e.g. 5000.");
        }

        if (options.Burst < TimeSpan.Zero || options.Burst > TimeSpan.FromMinutes(1))
        {
            errors.Add($"Ingest:Burst {options.Burst} must be between 00:00:00 and 00:01:00, e.g. 00:00:00.200.");
        }

        if (options.InFlight <= TimeSpan.Zero || options.InFlight > TimeSpan.FromMinutes(1))
        {
            errors.Add($"Ingest:InFlight {options.InFlight} must be above 00:00:00 and at most 00:01:00, e.g. 00:00:00.500.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
