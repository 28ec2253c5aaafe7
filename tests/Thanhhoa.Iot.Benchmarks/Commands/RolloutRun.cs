using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>dotnet run -c Release --project tests/Thanhhoa.Iot.Benchmarks -- rollout --gateways 1000 --mb 27 --parallel 50 --interrupted 10</c>:
/// the real cloud as its own process (embedded broker, LiteDB, artifact store), a signed bundle of about
/// --mb MB uploaded through the API, N contract-speaking gateways in this process, one firmware rollout in a
/// single wave. Each gateway streams the bundle from the token URL (at most --parallel at a time), checks the
/// SHA-256 and reports committed. --interrupted percent of them break their download at half and resume with
/// Range/If-Range. Prints the time from the POST to the last committed report stored, bytes and throughput,
/// and the resume overhead (extra requests, re-sent bytes, download time vs uninterrupted).
/// </summary>
internal static class RolloutRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gateways = CommandArgs.Int(args, "--gateways", 1000);
        var megabytes = CommandArgs.Int(args, "--mb", 27);
        var parallel = CommandArgs.Int(args, "--parallel", 50);
        var interruptedPercent = CommandArgs.Int(args, "--interrupted", 10);
        using var dir = new TempDirectory("bench-rollout");
        var key = BundleKeyPair.Generate();
        var pub = dir.File("trusted.pub.pem");
        await File.WriteAllTextAsync(pub, key.PublicKeyPem);
        var bundle = Bundle(dir, key, megabytes);
        var http = FreeTcpPort.Next();
        var mqtt = FreeTcpPort.Next();
        await using var cloud = ChildProcess.StartDotnet(RepoPaths.BuiltDll("cloud/Thanhhoa.Iot.Cloud", "Thanhhoa.Iot.Cloud"),
            [$"--Urls=http://127.0.0.1:{http}", $"--Broker:Port={mqtt}", $"--Storage:DataDirectory={dir.File("cloud")}", "--Security:Mode=Development",
             $"--Artifacts:TrustedKeys:0={pub}", "--Rollouts:TickInterval=00:00:01"],
            name: "cloud");
        await cloud.WaitForLineAsync("cloud ready", TimeSpan.FromSeconds(60));
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromMinutes(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(dir.File("cloud/security/bootstrap-admin.key"))).Trim());

        var upload = Stopwatch.StartNew();
        var artifact = await UploadAsync(api, bundle);
        upload.Stop();
        var size = artifact.GetProperty("size").GetInt64();
        Console.WriteLine($"upload: {size:N0} bytes streamed, verified and stored in {upload.Elapsed.TotalSeconds:0.00} s");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = parallel, MaxResponseDrainSize = 0 };
        using var downloads = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(30) };
        using var gate = new SemaphoreSlim(parallel);
        var interruptedCount = gateways * interruptedPercent / 100;
        var fleet = Enumerable.Range(0, gateways).Select(i => new RolloutGateway($"fw-{i:D5}", downloads, gate, i < interruptedCount ? 0.5 : 0)).ToList();
        await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (g, _) => await g.ConnectAsync(mqtt));
        await UntilAsync(async () => (await api.GetFromJsonAsync<List<JsonElement>>("/api/devices"))!.Count(d => d.GetProperty("online").GetBoolean()) >= gateways);

        Console.WriteLine($"{gateways} gateways connected and online");
        var start = Stopwatch.GetTimestamp();
        using var created = await api.PostAsJsonAsync("/api/rollouts", new { kind = "firmware", artifactId = artifact.GetProperty("id").GetString(), waves = new[] { 100 }, minSuccessPercent = 0 });
        created.EnsureSuccessStatusCode();
        var rolloutId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rollout").GetProperty("id").GetString();
        Console.WriteLine($"rollout {rolloutId} created");
        var stored = await Task.WhenAll(fleet.Select(g => g.Committed)).WaitAsync(TimeSpan.FromMinutes(30));
        var elapsed = Stopwatch.GetElapsedTime(start, stored.Max());
        await UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/rollouts/{rolloutId}")).GetProperty("rollout").GetProperty("state").GetString() == "completed");
        var completed = Stopwatch.GetElapsedTime(start);

        Report(fleet, size, elapsed, completed, parallel, megabytes);
        foreach (var g in fleet)
        {
            await g.DisposeAsync();
        }

        return 0;
    }

    private static void Report(List<RolloutGateway> fleet, long size, TimeSpan elapsed, TimeSpan completed, int parallel, int megabytes)
    {
        var bytes = fleet.Sum(g => g.BodyBytes);
        var whole = fleet.Where(g => !g.Interrupted).ToList();
        var resumed = fleet.Where(g => g.Interrupted).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rollout: {fleet.Count} gateways, bundle {size:N0} B (--mb {megabytes}), {parallel} parallel downloads; {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| POST → last committed report stored | {elapsed.TotalSeconds:0.0} s | rollout state completed after {completed.TotalSeconds:0.0} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| body bytes downloaded | {bytes:N0} B = {bytes / (double)(size * fleet.Count):0.0000} × (gateways × bundle) | {bytes / elapsed.TotalSeconds / 1e6:0} MB/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| uninterrupted ({whole.Count}) | {whole.Sum(g => g.Requests)} requests | download p50 {P(whole, 0.5):0.00} s, p99 {P(whole, 0.99):0.00} s |"));
        if (resumed.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| interrupted at 50 % and resumed ({resumed.Count}) | {resumed.Sum(g => g.Requests)} requests | re-sent bytes {resumed.Sum(g => g.BodyBytes) - size * resumed.Count:N0} | download p50 {P(resumed, 0.5):0.00} s, p99 {P(resumed, 0.99):0.00} s |"));
        }
    }

    private static double P(List<RolloutGateway> gateways, double p)
    {
        var s = gateways.Select(g => g.DownloadTime.TotalSeconds).Order().ToList();
        return s[Math.Min(s.Count - 1, (int)Math.Ceiling(p * s.Count) - 1)];
    }

    private static string Bundle(TempDirectory dir, BundleKeyPair key, int megabytes)
    {
        var source = dir.File("payload");
        Directory.CreateDirectory(source);
        var bytes = new byte[megabytes * 1_000_000];
        new Random(8).NextBytes(bytes); // incompressible, like a self-contained .NET build after compression
        File.WriteAllBytes(Path.Combine(source, "thgw"), bytes);
        var output = dir.File("thgw-1.4.2.thb");
        BundleWriter.Create(new BundleWriteRequest
        {
            SourceDirectory = source, Version = "1.4.2", Hardware = "rpi4", PrivateKeyPem = key.PrivateKeyPem, OutputPath = output, CreatedAt = DateTimeOffset.UtcNow,
        });
        return output;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient api, string bundle)
    {
        await using var file = File.OpenRead(bundle);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await api.PostAsync(new Uri("/api/artifacts", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonSerializer.Deserialize<JsonElement>(body) : throw new HttpRequestException($"upload returned {(int)response.StatusCode}: {body}");
    }

    /// <summary>The cloud is another process: poll its REST view with a deadline.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The cloud never reached the expected state.");
            }

            await Task.Delay(250);
        }
    }
}
