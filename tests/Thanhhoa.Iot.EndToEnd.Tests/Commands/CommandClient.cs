using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>
/// The cloud's command and configuration REST API as an admin's tool calls it (sending commands and
/// changing configuration need an admin key: docs/security.md).
/// </summary>
public sealed class CommandClient(Uri baseAddress, string? apiKey = null) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly HttpClient _http = Client(baseAddress, apiKey);

    /// <summary>POST /api/commands for one device; returns the command id.</summary>
    public async Task<string> SendAsync(string deviceId, string type, DateTimeOffset expires, object? args = null)
    {
        using var response = await _http.PostAsJsonAsync("/api/commands", new { deviceId, type, args, expires }, Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert(response.IsSuccessStatusCode, $"POST /api/commands returned {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("commands")[0].GetProperty("id").GetString()!;
    }

    public async Task<CommandView> CommandAsync(string id) =>
        (await _http.GetFromJsonAsync<CommandView>($"/api/commands/{id}", Json))!;

    public Task PutGroupAsync(string name, string settingsJson) => PutAsync($"/api/config/groups/{name}", $$"""{"settings":{{settingsJson}}}""");

    public Task PutDeviceAsync(string id, string? group, string settingsJson) => PutAsync($"/api/config/devices/{id}",
        group is null ? $$"""{"settings":{{settingsJson}}}""" : $$"""{"group":"{{group}}","settings":{{settingsJson}}}""");

    public async Task<DeviceConfigView> DeviceConfigAsync(string id) =>
        (await _http.GetFromJsonAsync<DeviceConfigView>($"/api/config/devices/{id}", Json))!;

    public void Dispose() => _http.Dispose();

    private async Task PutAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync(new Uri(path, UriKind.Relative), content);
        Assert(response.IsSuccessStatusCode, $"PUT {path} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static void Assert(bool condition, string message)
    {
        if (!condition)
        {
            throw new HttpRequestException(message);
        }
    }

    private static HttpClient Client(Uri baseAddress, string? apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return http;
    }
}
