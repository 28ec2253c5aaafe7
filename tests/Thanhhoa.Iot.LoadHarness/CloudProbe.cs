using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>Reads what the cloud stored: the readings counter of each node's /metrics, and when one device's reading became visible over REST.</summary>
public sealed class CloudProbe(IReadOnlyList<Uri> clouds) : IDisposable
{
    private const string ReadingsCounter = "thiot_readings_ingested_total";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Readings stored, summed over every node (each node counts what it ingested).</summary>
    public async Task<long> ReadingsIngestedAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var cloud in clouds)
        {
            total += await ReadingsIngestedAsync(cloud, cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    public async Task<long> ReadingsIngestedAsync(Uri cloud, CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync(new Uri(cloud, "/metrics"), cancellationToken).ConfigureAwait(false);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(ReadingsCounter + " ", StringComparison.Ordinal))
            {
                return (long)double.Parse(line[(ReadingsCounter.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>Polls the device's live state until some channel holds sequence <paramref name="seq"/> or later; the time from <paramref name="publishStarted"/>.</summary>
    public async Task<TimeSpan?> VisibleAfterAsync(string deviceId, long seq, long publishStarted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !cancellationToken.IsCancellationRequested)
        {
            if (await HighestSeqAsync(deviceId, cancellationToken).ConfigureAwait(false) >= seq)
            {
                return Stopwatch.GetElapsedTime(publishStarted);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken).ConfigureAwait(false); // sampling another process; no signal exists
        }

        return null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<long> HighestSeqAsync(string deviceId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(clouds[0], $"/api/devices/{deviceId}"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        long highest = 0;
        if (doc.RootElement.TryGetProperty("channels", out var channels))
        {
            foreach (var channel in channels.EnumerateObject())
            {
                highest = Math.Max(highest, channel.Value.GetProperty("seq").GetInt64());
            }
        }

        return highest;
    }
}
