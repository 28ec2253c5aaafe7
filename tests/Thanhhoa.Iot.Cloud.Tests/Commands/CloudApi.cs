using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Thanhhoa.Iot.Cloud.Tests.Hosting;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>JSON calls to a running cloud's REST API, with the status code kept for assertions.</summary>
internal static class CloudApi
{
    public static async Task<(HttpStatusCode Status, T? Body, string Raw)> SendAsync<T>(this CloudHost cloud, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: CloudHost.Json);
        }

        using var response = await cloud.Http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var parsed = response.IsSuccessStatusCode && raw.Length > 0 ? JsonSerializer.Deserialize<T>(raw, CloudHost.Json) : default;
        return (response.StatusCode, parsed, raw);
    }

    public static async Task<T> PostAsync<T>(this CloudHost cloud, string path, object body)
    {
        var (status, parsed, raw) = await cloud.SendAsync<T>(HttpMethod.Post, path, body);
        return parsed ?? throw new HttpRequestException($"POST {path} returned {(int)status}: {raw}");
    }

    public static async Task<T> PutAsync<T>(this CloudHost cloud, string path, object body)
    {
        var (status, parsed, raw) = await cloud.SendAsync<T>(HttpMethod.Put, path, body);
        return parsed ?? throw new HttpRequestException($"PUT {path} returned {(int)status}: {raw}");
    }
}
