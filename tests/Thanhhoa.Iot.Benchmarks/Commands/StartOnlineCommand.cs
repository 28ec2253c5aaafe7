using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>start-online [--runs 3] [--arm64 DIR --sysroot DIR]</c>: how long a gateway takes from process start
/// (<c>thgw run</c>, simulated site, fresh data directory) until the cloud's registry shows it online. The cloud
/// runs as its own process (embedded broker, LiteDB). Natively the built thgw runs through <c>dotnet</c>; with
/// <c>--arm64</c> the self-contained linux-arm64 publish runs under qemu-aarch64 with the given sysroot.
/// </summary>
internal static class StartOnlineCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = CommandArgs.Int(args, "--runs", 3);
        var arm64 = Option(args, "--arm64");
        var sysroot = Option(args, "--sysroot");
        using var dir = new TempDirectory("bench-start-online");
        var http = FreeTcpPort.Next();
        var mqtt = FreeTcpPort.Next();
        await using var cloud = ChildProcess.StartDotnet(RepoPaths.BuiltDll("cloud/Thanhhoa.Iot.Cloud", "Thanhhoa.Iot.Cloud"),
            [$"--Urls=http://127.0.0.1:{http}", $"--Broker:Port={mqtt}", $"--Storage:DataDirectory={dir.File("cloud")}", "--Security:Mode=Development"], name: "cloud");
        await cloud.WaitForLineAsync("cloud ready", TimeSpan.FromSeconds(60));
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(dir.File("cloud/security/bootstrap-admin.key"))).Trim());

        var mode = arm64 is null ? "native (dotnet thgw.dll)" : $"linux-arm64 under qemu-aarch64 ({arm64})";
        var times = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            var device = $"start-{i:D2}";
            var env = new Dictionary<string, string>
            {
                ["THGW_Gateway__DeviceId"] = device,
                ["THGW_Gateway__DataDirectory"] = dir.File(device),
                ["THGW_Uplink__Host"] = "127.0.0.1",
                ["THGW_Uplink__Port"] = mqtt.ToString(CultureInfo.InvariantCulture),
                ["THGW_Simulation__Enabled"] = "true",
            };
            var watch = Stopwatch.StartNew();
            await using var gateway = arm64 is null
                ? ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), ["run"], env, device)
                : ChildProcess.Start("qemu-aarch64", ["-L", sysroot ?? "/", Path.Combine(arm64, "thgw"), "run"], env, device);
            while (!await OnlineAsync(api, device))
            {
                if (gateway.HasExited || watch.Elapsed > Limit)
                {
                    Console.Error.WriteLine($"{device} never came online ({watch.Elapsed.TotalSeconds:0.0} s):{Environment.NewLine}{gateway.Tail(30)}");
                    return 1;
                }

                await Task.Delay(50); // polling another process's state for a measurement, not a test
            }

            times.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"run {i}: {device} online after {watch.Elapsed.TotalSeconds:0.00} s");
            await gateway.StopAsync(TimeSpan.FromSeconds(60));
        }

        Console.WriteLine($"start → online, {mode}: {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture) + " s"))}; " +
                          $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<bool> OnlineAsync(HttpClient api, string device)
    {
        using var response = await api.GetAsync(new Uri($"/api/devices/{device}", UriKind.Relative));
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("online").GetBoolean();
    }
}
