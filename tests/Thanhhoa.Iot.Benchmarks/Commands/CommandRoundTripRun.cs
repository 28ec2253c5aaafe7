using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>dotnet run -c Release --project tests/Thanhhoa.Iot.Benchmarks -- command-roundtrip --gateways 10000</c>:
/// the real cloud as its own process (embedded broker, LiteDB), N contract-speaking gateways connected
/// from this process (two processes, because one process holding both ends of 10,000 connections hits
/// the 20,000 open files limit), then a burst of one command per gateway and sequential single commands.
/// Latency: from the POST to the moment the gateway's result is stored (its PUBACK).
/// </summary>
internal static class CommandRoundTripRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gateways = CommandArgs.Int(args, "--gateways", 1000);
        var singles = CommandArgs.Int(args, "--single", 200);
        using var dir = new TempDirectory("bench-cmd");
        var http = FreeTcpPort.Next();
        var mqtt = FreeTcpPort.Next();
        await using var cloud = ChildProcess.StartDotnet(RepoPaths.BuiltDll("cloud/Thanhhoa.Iot.Cloud", "Thanhhoa.Iot.Cloud"),
            [$"--Urls=http://127.0.0.1:{http}", $"--Broker:Port={mqtt}", $"--Storage:DataDirectory={dir.File("cloud")}", "--Security:Mode=Development"], name: "cloud");
        await cloud.WaitForLineAsync("cloud ready", TimeSpan.FromSeconds(60));
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(dir.File("cloud/security/bootstrap-admin.key"))).Trim());

        var fleet = Enumerable.Range(1, gateways).Select(i => new RoundTripGateway($"bench-{i:D5}")).ToList();
        var connect = Stopwatch.StartNew();
        await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (g, _) => await g.ConnectAsync(mqtt));
        await UntilAsync(async () => (await api.GetFromJsonAsync<List<JsonElement>>("/api/devices"))!.Count(d => d.GetProperty("online").GetBoolean()) >= gateways);
        connect.Stop();

        await OneAsync(api, fleet[0]); // warm-up: the first request JIT-compiles the whole path
        var burst = await BurstAsync(api, fleet);
        var single = new List<double>();
        foreach (var g in fleet.Take(singles))
        {
            single.Add(await OneAsync(api, g));
        }

        await UntilAsync(async () => (await api.GetFromJsonAsync<Dictionary<string, int>>("/api/commands/stats")) is { } s && s["Pending"] + s["Delivered"] == 0);
        var stats = (await api.GetFromJsonAsync<Dictionary<string, int>>("/api/commands/stats"))!;
        Console.WriteLine($"Command round trip: {gateways} gateways connected and born in {connect.Elapsed.TotalSeconds:0.0} s; " +
            $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"| burst: one request for {gateways} gateways | {Percentiles(burst)} |");
        Console.WriteLine($"| one command at a time ({single.Count} sequential) | {Percentiles(single)} |");
        Console.WriteLine($"final states: {string.Join(", ", stats.Select(s => $"{s.Key}={s.Value}"))}");
        await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (g, _) => await g.DisposeAsync());
        return stats["Succeeded"] == gateways + single.Count + 1 ? 0 : 1;
    }

    private static async Task<List<double>> BurstAsync(HttpClient api, List<RoundTripGateway> fleet)
    {
        fleet.ForEach(g => g.Reset());
        var start = Stopwatch.GetTimestamp();
        using var response = await api.PostAsJsonAsync("/api/commands",
            new { deviceIds = fleet.Select(g => g.DeviceId).ToArray(), type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(10) });
        response.EnsureSuccessStatusCode();
        Console.WriteLine($"burst request answered after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms");
        var stored = await Task.WhenAll(fleet.Select(g => g.NextStored)).WaitAsync(TimeSpan.FromMinutes(5));
        return stored.Select(t => Stopwatch.GetElapsedTime(start, t).TotalMilliseconds).ToList();
    }

    private static async Task<double> OneAsync(HttpClient api, RoundTripGateway gateway)
    {
        gateway.Reset();
        var start = Stopwatch.GetTimestamp();
        using var response = await api.PostAsJsonAsync("/api/commands", new { deviceId = gateway.DeviceId, type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(10) });
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(start, await gateway.NextStored.WaitAsync(TimeSpan.FromMinutes(1))).TotalMilliseconds;
    }

    /// <summary>The cloud is another process: poll its REST view with a deadline.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The cloud never reached the expected state.");
            }

            await Task.Delay(250);
        }
    }

    private static string Percentiles(List<double> ms)
    {
        ms.Sort();
        double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0} ms | p99 {At(0.99):0.0} ms | max {ms[^1]:0.0} ms");
    }
}
