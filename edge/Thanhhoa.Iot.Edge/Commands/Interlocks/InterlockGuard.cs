using System.Globalization;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Commands.Interlocks;

/// <summary>
/// Checks the site's interlocks before an output is written: reads each guarding channel fresh and
/// refuses when one condition holds or the channel cannot be read. Local, so it protects the site
/// whatever the cloud sends and while the link is down.
/// </summary>
public sealed class InterlockGuard
{
    private readonly IReadOnlyList<InterlockOptions> _rules;
    private readonly Dictionary<string, ISensorChannel> _channels;

    public InterlockGuard(IOptions<SiteInterlockOptions> options, IEnumerable<ISensorChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = options.Value.Interlocks;
        _channels = channels.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The refusal for setting <paramref name="output"/> to <paramref name="on"/>; null when every interlock allows it.</summary>
    public async Task<string?> CheckAsync(string output, bool on, CancellationToken cancellationToken)
    {
        foreach (var rule in _rules.Where(r => r.Output == output && (r.When == "any" || (r.When == "on") == on)))
        {
            if (await ViolatedAsync(rule, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private async Task<string?> ViolatedAsync(InterlockOptions rule, CancellationToken cancellationToken)
    {
        SensorReading reading;
        try
        {
            reading = _channels.TryGetValue(rule.Channel, out var channel)
                ? await channel.ReadAsync(cancellationToken).ConfigureAwait(false)
                : throw new InvalidOperationException($"channel '{rule.Channel}' is not running");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"{rule.Reason} (cannot check: {ex.Message}; refused to be safe)";
        }

        if (reading.Quality != Quality.Good)
        {
            return $"{rule.Reason} (cannot check: channel '{rule.Channel}' reads {reading.Quality.ToString().ToLowerInvariant()}; refused to be safe)";
        }

        var holds = rule.RefuseIf switch
        {
            "above" => reading.Value > rule.Value,
            "below" => reading.Value < rule.Value,
            _ => reading.Value.Equals(rule.Value),
        };
        return holds ? string.Create(CultureInfo.InvariantCulture, $"{rule.Reason} ({rule.Channel}={reading.Value:0.###})") : null;
    }
}
