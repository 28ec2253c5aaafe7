using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// Reads what the cloud stored: the readings counter of each node's /metrics, when one device's reading became
/// visible over REST, and how a command sent through the first node's REST API ended.
/// </summary>
public sealed class CloudProbe : IDisposable
{
    private const string ReadingsCounter = "thiot_readings_ingested_total";
    private static readonly string[] Terminal = ["Succeeded", "Failed", "Expired", "Cancelled"];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly IReadOnlyList<Uri> _clouds;

    /// <param name="apiKey">Sent as the bearer token (needed to create commands); null sends none.</param>
    public CloudProbe(IReadOnlyList<Uri> clouds, string? apiKey = null)
    {
        _clouds = clouds;
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <summary>Readings stored, summed over every node (each node counts what it ingested).</summary>
    public async Task<long> ReadingsIngestedAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var cloud in _clouds)
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

            await Task.Delay(PollDelay(deadline.Elapsed), cancellationToken).ConfigureAwait(false); // sampling another process; no signal exists
        }

        return null;
    }

    /// <summary>Creates a <c>ping</c> command for <paramref name="deviceId"/> (expiring in 5 minutes) and returns its id.</summary>
    public async Task<string> SendCommandAsync(string deviceId, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(_clouds[0], "/api/commands"),
            new { deviceId, type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(5) }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/commands for {deviceId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return doc.RootElement.GetProperty("commands")[0].GetProperty("id").GetString()!;
    }

    /// <summary>Polls the command until it reaches a final state (Succeeded, Failed, Expired, Cancelled); null when <paramref name="timeout"/> passed first.</summary>
    public async Task<string?> CommandOutcomeAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            using var doc = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_clouds[0], $"/api/commands/{id}"), cancellationToken).ConfigureAwait(false));
            var status = doc.RootElement.GetProperty("status").ToString();
            if (Terminal.Contains(status, StringComparer.OrdinalIgnoreCase))
            {
                return status;
            }

            await Task.Delay(PollDelay(deadline.Elapsed), cancellationToken).ConfigureAwait(false); // sampling another process; no signal exists
        }

        return null;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// A twentieth of the time waited so far, 5 ms to 250 ms: about 5 % resolution at any latency, and under saturation
    /// (latencies of seconds) a few requests a second instead of hundreds against the node being measured (polling every
    /// 5 ms throughout was ~15 % of the PostgreSQL node's busy thread time in a profile).
    /// </summary>
    private static TimeSpan PollDelay(TimeSpan waited) => TimeSpan.FromMilliseconds(Math.Clamp(waited.TotalMilliseconds / 20, 5, 250));

    private async Task<long> HighestSeqAsync(string deviceId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_clouds[0], $"/api/devices/{deviceId}"), cancellationToken).ConfigureAwait(false);
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
