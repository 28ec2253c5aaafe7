using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Refuses rollout settings that would stop the wave engine or hand gateways a useless URL.</summary>
internal sealed class RolloutOptionsValidator : IValidateOptions<RolloutOptions>
{
    public ValidateOptionsResult Validate(string? name, RolloutOptions options)
    {
        var failures = new List<string>();
        if (options.TickInterval < TimeSpan.FromMilliseconds(100) || options.TickInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Rollouts:TickInterval is {options.TickInterval}; set it between 00:00:00.100 and 01:00:00 (waves start and stalls show only this punctually).");
        }

        if (options.DefaultStallAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Rollouts:DefaultStallAfter is {options.DefaultStallAfter}; use at least 00:00:01, e.g. 01:00:00.");
        }

        if (options.PublicBaseUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"Rollouts:PublicBaseUrl '{url}' is not an absolute http(s) URL; use e.g. https://ioc.example.vn or leave it unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
