using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>The cloud's REST API as a test reads it (its own view types: the test knows only the wire).</summary>
public sealed class CloudApi : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public CloudApi(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The HTTP client (with the key, once <see cref="UseKey"/> was called).</summary>
    public HttpClient Http => _http;

    /// <summary>Sends <c>Authorization: Bearer <paramref name="key"/></c> from now on.</summary>
    public void UseKey(string key) => _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

    public async Task<IReadOnlyList<DeviceView>> DevicesAsync() =>
        await _http.GetFromJsonAsync<List<DeviceView>>("/api/devices", Json).ConfigureAwait(false) ?? [];

    public async Task<DeviceView?> DeviceAsync(string id)
    {
        using var response = await _http.GetAsync(new Uri($"/api/devices/{id}", UriKind.Relative)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<DeviceView>(Json).ConfigureAwait(false);
    }

    /// <summary>Every reading of a device over the last two days (the API caps a page; this pages by time).</summary>
    public async Task<IReadOnlyList<ReadingView>> AllReadingsAsync(string id) =>
        await PageAsync<ReadingView>(id, "readings", r => r.Timestamp).ConfigureAwait(false);

    public async Task<IReadOnlyList<EventView>> AllEventsAsync(string id) =>
        await PageAsync<EventView>(id, "events", e => e.Timestamp).ConfigureAwait(false);

    /// <summary>The device's loss ledger: lost (reported dropped) and missing sequence ranges; null while the device is unknown.</summary>
    public async Task<LossView?> LossAsync(string id)
    {
        using var response = await _http.GetAsync(new Uri($"/api/devices/{id}/loss", UriKind.Relative)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<LossView>(Json).ConfigureAwait(false);
    }

    public async Task<RejectReportView> RejectsAsync(string id) =>
        await _http.GetFromJsonAsync<RejectReportView>($"/api/devices/{id}/rejects", Json).ConfigureAwait(false)
        ?? throw new InvalidOperationException("empty reject report");

    public void Dispose() => _http.Dispose();

    private async Task<List<T>> PageAsync<T>(string id, string what, Func<T, DateTimeOffset> time)
    {
        const int PageSize = 10_000;
        var all = new List<T>();
        var from = DateTimeOffset.UtcNow.AddDays(-2);
        var to = DateTimeOffset.UtcNow.AddDays(1);
        while (true)
        {
            var url = $"/api/devices/{id}/{what}?from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}" +
                      $"&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&limit={PageSize}";
            using var response = await _http.GetAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return all; // the device has not connected yet
            }

            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<List<T>>(Json).ConfigureAwait(false) ?? [];
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }

            // Rows sharing the last timestamp are fetched again and removed by the caller's set logic.
            from = time(page[^1]);
        }
    }
}
