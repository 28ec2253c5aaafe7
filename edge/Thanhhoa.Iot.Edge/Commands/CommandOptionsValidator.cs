using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Refuses command settings that would make commands unusable or unsafe.</summary>
internal sealed class CommandOptionsValidator : IValidateOptions<CommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandOptions options)
    {
        var failures = new List<string>();
        if (options.ExecutionTimeout <= TimeSpan.Zero || options.ExecutionTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"Commands:ExecutionTimeout is {options.ExecutionTimeout}; set it between 00:00:01 and 01:00:00.");
        }

        if (options.ClockTolerance < TimeSpan.Zero || options.ClockTolerance > TimeSpan.FromHours(1))
        {
            failures.Add($"Commands:ClockTolerance is {options.ClockTolerance}; set it between 00:00:00 and 01:00:00.");
        }

        if (options.MaxResultBytes is < 1024 or > 200 * 1024)
        {
            failures.Add($"Commands:MaxResultBytes is {options.MaxResultBytes}; set it between 1024 and 204800 (the contract allows 262144 per message).");
        }

        if (!HostControlKinds.All.Contains(options.HostControl))
        {
            failures.Add($"Commands:HostControl '{options.HostControl}' is unknown; use one of {string.Join(", ", HostControlKinds.All)}.");
        }

        if (string.IsNullOrWhiteSpace(options.RestartServiceCommand) || string.IsNullOrWhiteSpace(options.RebootCommand))
        {
            failures.Add("Commands:RestartServiceCommand and Commands:RebootCommand must not be empty; the defaults call systemctl.");
        }

        if (options.LogBufferLines is < 10 or > 100_000)
        {
            failures.Add($"Commands:LogBufferLines is {options.LogBufferLines}; set it between 10 and 100000.");
        }

        if (options.JournalRetention < TimeSpan.FromHours(1))
        {
            failures.Add($"Commands:JournalRetention is {options.JournalRetention}; keep executed ids for at least 01:00:00 so redeliveries are recognised.");
        }

        if (string.IsNullOrWhiteSpace(options.JournalFileName) || options.JournalFileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            failures.Add($"Commands:JournalFileName '{options.JournalFileName}' is not a file name; use e.g. commands.db.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
