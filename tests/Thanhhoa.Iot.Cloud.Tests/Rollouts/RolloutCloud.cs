using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Tests.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts;

/// <summary>
/// A real cloud (embedded broker, LiteDB, Kestrel) on a fake clock that trusts one freshly generated
/// signing key, with helpers to build signed bundles, upload them, connect firmware gateways and step the
/// wave engine. The engine's own job ticks hourly, so a test decides when waves move.
/// </summary>
internal sealed class RolloutCloud : IAsyncDisposable
{
    private RolloutCloud(TempDirectory dir, BundleKeyPair key, FakeTimeProvider time, CloudHost cloud)
    {
        Dir = dir;
        Key = key;
        Time = time;
        Cloud = cloud;
    }

    public TempDirectory Dir { get; }

    public BundleKeyPair Key { get; }

    public FakeTimeProvider Time { get; }

    public CloudHost Cloud { get; }

    public WaveEngine Engine => Cloud.Services.GetRequiredService<WaveEngine>();

    /// <param name="extraArgs">E.g. <c>--Security:Mode=Enforced</c>.</param>
    public static async Task<RolloutCloud> StartAsync(string name, params string[] extraArgs)
    {
        var dir = new TempDirectory(name);
        var key = BundleKeyPair.Generate();
        var pub = dir.File("trusted.pub.pem");
        await File.WriteAllTextAsync(pub, key.PublicKeyPem);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cloud = await CloudHost.StartEmbeddedAsync(dir.File("cloud"), s => s.AddSingleton<TimeProvider>(time),
            [$"--Artifacts:TrustedKeys:0={pub}", "--Rollouts:TickInterval=01:00:00", .. extraArgs]);
        return new RolloutCloud(dir, key, time, cloud);
    }

    /// <summary>Builds a bundle signed by <paramref name="key"/> (default: the trusted one) around a payload of <paramref name="payloadBytes"/> random bytes.</summary>
    public string Bundle(string version, int payloadBytes = 4096, BundleKeyPair? key = null)
    {
        var source = Dir.File($"src-{version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(source);
        File.WriteAllBytes(Path.Combine(source, "thgw"), RandomBytes(payloadBytes));
        var output = Dir.File($"bundle-{version}-{Guid.NewGuid():N}.thb");
        BundleWriter.Create(new BundleWriteRequest
        {
            SourceDirectory = source, Version = version, Hardware = "rpi4", PrivateKeyPem = (key ?? Key).PrivateKeyPem,
            OutputPath = output, CreatedAt = Time.GetUtcNow(), ReleaseNotes = $"release {version}",
        });
        return output;
    }

    public async Task<(int Status, string Body)> UploadRawAsync(string path, string? notes = null)
    {
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var uri = notes is null ? "/api/artifacts" : $"/api/artifacts?notes={Uri.EscapeDataString(notes)}";
        using var response = await Cloud.Http.PostAsync(new Uri(uri, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<Artifact> UploadAsync(string version, int payloadBytes = 4096)
    {
        var (status, body) = await UploadRawAsync(Bundle(version, payloadBytes));
        return status is 200 or 201 ? JsonSerializer.Deserialize<Artifact>(body, CloudHost.Json)! : throw new HttpRequestException($"upload returned {status}: {body}");
    }

    public async Task<List<FirmwareGateway>> ConnectFleetAsync(int count, string prefix = "gw")
    {
        var fleet = Enumerable.Range(0, count).Select(i => new FirmwareGateway($"{prefix}-{i:D3}")).ToList();
        var before = Cloud.Signals.Links.Count;
        await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (g, _) => await g.ConnectAsync(Cloud.MqttPort));
        await Cloud.Signals.WaitUntilAsync(s => s.Links.Count >= before + count);
        return fleet;
    }

    public Task<RolloutView> CreateAsync(object request) => Cloud.PostAsync<RolloutView>("/api/rollouts", request);

    public Task<RolloutView> GetAsync(string id) => Cloud.GetJsonAsync<RolloutView>($"/api/rollouts/{id}");

    public Task<List<RolloutDevice>> DevicesAsync(string id) => Cloud.GetJsonAsync<List<RolloutDevice>>($"/api/rollouts/{id}/devices");

    /// <summary>One engine step, then waits for every gateway the step released to finish (its final report stored).</summary>
    public async Task TickAndWaitAsync(string rolloutId, IReadOnlyDictionary<string, FirmwareGateway> fleet)
    {
        var before = (await DevicesAsync(rolloutId)).Where(d => d.Released).Select(d => d.DeviceId).ToHashSet();
        await Engine.TickAsync(CancellationToken.None);
        var released = (await DevicesAsync(rolloutId)).Where(d => d.Released && !before.Contains(d.DeviceId)).Select(d => d.DeviceId);
        await Task.WhenAll(released.Where(fleet.ContainsKey).Select(id => fleet[id].FinalReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))));
    }

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        Dir.Dispose();
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
