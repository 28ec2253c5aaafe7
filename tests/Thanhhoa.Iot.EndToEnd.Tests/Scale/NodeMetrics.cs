using System.Globalization;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// One cloud node's Prometheus samples (its <c>/metrics</c> text, read over HTTP: the node is another process), by
/// sample name with labels as exposed, e.g. <c>thiot_duplicates_dropped_total{kind="reading"}</c>. A sample the node
/// has not exposed yet reads as zero.
/// </summary>
public sealed class NodeMetrics : IDisposable
{
    private readonly HttpClient _http;

    public NodeMetrics(Uri node) => _http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyDictionary<string, long>> ReadAsync()
    {
        var text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var samples = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var space = line.LastIndexOf(' ');
            if (line.StartsWith("thiot_", StringComparison.Ordinal) && space > 0
                && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples[line[..space]] = (long)value;
            }
        }

        return samples;
    }

    /// <summary>What <paramref name="sample"/> grew by since <paramref name="before"/> (a reading of <see cref="ReadAsync"/>).</summary>
    public async Task<long> SinceAsync(IReadOnlyDictionary<string, long> before, string sample)
    {
        ArgumentNullException.ThrowIfNull(before);
        var now = await ReadAsync();
        return now.GetValueOrDefault(sample) - before.GetValueOrDefault(sample);
    }

    public void Dispose() => _http.Dispose();
}
