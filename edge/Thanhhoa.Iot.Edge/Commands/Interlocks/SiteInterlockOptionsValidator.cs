using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Commands.Interlocks;

/// <summary>Refuses to start with an interlock that names no real output or input, or cannot be evaluated.</summary>
internal sealed class SiteInterlockOptionsValidator : IValidateOptions<SiteInterlockOptions>
{
    private static readonly string[] States = ["on", "off", "any"];
    private static readonly string[] Comparisons = ["above", "below", "equal"];

    public ValidateOptionsResult Validate(string? name, SiteInterlockOptions options)
    {
        var outputs = options.Channels.Where(c => c.Driver == ChannelDrivers.GpioOut).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var inputs = options.Channels.Where(c => c.Driver != ChannelDrivers.GpioOut).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < options.Interlocks.Count; i++)
        {
            var rule = options.Interlocks[i];
            var at = $"Site:Interlocks:{i}";
            if (!outputs.Contains(rule.Output))
            {
                failures.Add($"{at}:Output '{rule.Output}' is not a gpio-out channel of the profile; use one of: {List(outputs)}.");
            }

            if (!inputs.Contains(rule.Channel))
            {
                failures.Add($"{at}:Channel '{rule.Channel}' is not an input channel of the profile; use one of: {List(inputs)}.");
            }

            if (!States.Contains(rule.When))
            {
                failures.Add($"{at}:When '{rule.When}' is unknown; use on, off or any.");
            }

            if (!Comparisons.Contains(rule.RefuseIf))
            {
                failures.Add($"{at}:RefuseIf '{rule.RefuseIf}' is unknown; use above, below or equal.");
            }

            if (!double.IsFinite(rule.Value))
            {
                failures.Add($"{at}:Value {rule.Value} is not a finite number.");
            }

            if (string.IsNullOrWhiteSpace(rule.Reason) || rule.Reason.Length > 200)
            {
                failures.Add($"{at}:Reason must say in 1–200 characters why the output is refused, e.g. \"generator start refused while mains present\".");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string List(HashSet<string> ids) => ids.Count == 0 ? "(none declared)" : string.Join(", ", ids.Order(StringComparer.Ordinal));
}
