using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Refuses command settings that would stop expiry or make requests unusable.</summary>
internal sealed class CloudCommandOptionsValidator : IValidateOptions<CloudCommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CloudCommandOptions options)
    {
        var failures = new List<string>();
        if (options.SweepInterval < TimeSpan.FromMilliseconds(100) || options.SweepInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Commands:SweepInterval is {options.SweepInterval}; set it between 00:00:00.100 and 00:10:00 (expiry is only as punctual as this).");
        }

        if (options.MaxLifetime < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Commands:MaxLifetime is {options.MaxLifetime}; allow at least 00:01:00.");
        }

        if (options.MaxArgumentsBytes is < 256 or > 128 * 1024)
        {
            failures.Add($"Commands:MaxArgumentsBytes is {options.MaxArgumentsBytes}; set it between 256 and 131072.");
        }

        if (options.MaxDevicesPerRequest is < 1 or > 1_000_000)
        {
            failures.Add($"Commands:MaxDevicesPerRequest is {options.MaxDevicesPerRequest}; set it between 1 and 1000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
