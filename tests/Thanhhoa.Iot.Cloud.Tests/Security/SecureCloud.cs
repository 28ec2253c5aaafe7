using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Thanhhoa.Iot.Cloud.Provisioning;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// The real cloud in <c>Security:Mode=Enforced</c> (the production default) with the helpers security tests
/// share: API keys per role, enrollment tokens, provisioning as a gateway does it (anonymous POST).
/// </summary>
internal sealed class SecureCloud : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private SecureCloud(TempDirectory dir, CloudHost host)
    {
        _dir = dir;
        Host = host;
        Anonymous = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public CloudHost Host { get; }

    /// <summary>A client with no key (what a gateway or a stranger has).</summary>
    public HttpClient Anonymous { get; }

    /// <summary>A client with the bootstrap admin key.</summary>
    public HttpClient Admin => Host.Http;

    public int MqttPort => Host.MqttPort;

    public static async Task<SecureCloud> StartAsync(string prefix, params string[] args) => await StartAsync(prefix, null, args);

    public static async Task<SecureCloud> StartAsync(string prefix, Action<IServiceCollection>? overrideServices, params string[] args)
    {
        var dir = new TempDirectory(prefix);
        var host = await CloudHost.StartEmbeddedAsync(dir.Path, overrideServices, ["--Security:Mode=Enforced", .. args]);
        return new SecureCloud(dir, host);
    }

    /// <summary>The cloud subscribed to an external broker (e.g. mosquitto with dynamic security).</summary>
    public static async Task<SecureCloud> StartExternalAsync(string prefix, string host, int port, params string[] args)
    {
        var dir = new TempDirectory(prefix);
        var cloud = await CloudHost.StartExternalAsync(dir.Path, host, port, ["--Security:Mode=Enforced", .. args]);
        return new SecureCloud(dir, cloud);
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public HttpClient WithKey(string key)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<string> CreateKeyAsync(ApiRole role, params string[] sites)
    {
        using var response = await Admin.PostAsJsonAsync("/api/api-keys", new { name = $"test-{role}", role = role.ToString(), sites }, CloudHost.Json);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ApiKeyView>(CloudHost.Json))!.Key!;
    }

    public async Task<CreatedEnrollmentToken> CreateTokenAsync(string? site, int? validHours = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/enrollment-tokens", new { site, validHours }, CloudHost.Json);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CreatedEnrollmentToken>(CloudHost.Json))!;
    }

    /// <summary>POST /api/provision as a gateway: no key, the token is the credential.</summary>
    public Task<HttpResponseMessage> PostProvisionAsync(string token, string secret, string? site = null) =>
        Anonymous.PostAsJsonAsync("/api/provision", new { token, secret, site, firmware = "test" }, CloudHost.Json);

    public async Task<ProvisionResponse> ProvisionAsync(string token, string secret, string? site = null)
    {
        using var response = await PostProvisionAsync(token, secret, site);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ProvisionResponse>(CloudHost.Json))!;
    }

    /// <summary>A provisioned device: a token for <paramref name="site"/>, a fresh secret, the provisioning call.</summary>
    public async Task<ProvisionedDevice> ProvisionDeviceAsync(string? site = null)
    {
        var token = await CreateTokenAsync(site);
        var secret = NewSecret();
        var response = await ProvisionAsync(token.Token, secret);
        return new ProvisionedDevice(response.DeviceId, secret, response.Site);
    }

    public async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(CloudHost.Json);

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await Host.DisposeAsync();
        _dir.Dispose();
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
