using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>Checks <see cref="TimekeepingOptions"/> at start.</summary>
public sealed class TimekeepingOptionsValidator : IValidateOptions<TimekeepingOptions>
{
    public ValidateOptionsResult Validate(string? name, TimekeepingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Sources.Any(s => !Enum.IsDefined(s)))
        {
            failures.Add($"Timekeeping:Sources has an unknown source; use {string.Join(", ", Enum.GetNames<TimeSource>())} (or none for a board with a real-time clock).");
        }

        if (options.Sources.Distinct().Count() != options.Sources.Count)
        {
            failures.Add($"Timekeeping:Sources lists a source twice ({string.Join(", ", options.Sources)}); list each once, in order of preference.");
        }

        if (options.Tolerance < TimeSpan.Zero || options.Tolerance > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Timekeeping:Tolerance is {options.Tolerance}; use 00:00:00 to 00:10:00 (default 00:00:02).");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Timekeeping:PollInterval is {options.PollInterval}; use 00:00:01 to 01:00:00 (default 00:00:30).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
