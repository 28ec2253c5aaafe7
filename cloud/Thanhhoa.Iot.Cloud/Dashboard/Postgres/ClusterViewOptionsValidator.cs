using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>Refuses to start with a live-view poll that cannot work, naming the key.</summary>
public sealed class ClusterViewOptionsValidator : IValidateOptions<ClusterViewOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Dashboard:Cluster:PollInterval {options.PollInterval} is out of range; use 00:00:00.1 to 00:10:00 (default 00:00:02).");
        }

        if (options.Overlap < options.PollInterval)
        {
            errors.Add($"Dashboard:Cluster:Overlap {options.Overlap} is shorter than Dashboard:Cluster:PollInterval {options.PollInterval}; " +
                "changes committed during a poll would be missed. Use at least the interval (default 00:00:10).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
