using System.Globalization;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>rss [--seconds 60]</c>: runs one real gateway (<c>thgw run</c>, simulated site, durable outbox)
/// against a loopback broker and samples its resident memory (VmRSS) once a second after it has
/// connected. Reports the steady value (median of the second half) and the peak.
/// </summary>
internal static class GatewayRssCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = CommandArgs.Int(args, "--seconds", 60);
        using var dir = new TempDirectory("bench-rss");
        await using var broker = await LoopbackBroker.StartAsync();
        var env = new Dictionary<string, string>
        {
            ["THGW_Gateway__DeviceId"] = "rss-0001",
            ["THGW_Gateway__DataDirectory"] = dir.Path,
            ["THGW_Uplink__Host"] = "127.0.0.1",
            ["THGW_Uplink__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["THGW_Simulation__Enabled"] = "true",
        };
        foreach (var pair in (Environment.GetEnvironmentVariable("THIOT_RSS_ENV") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            env[kv[0]] = kv[1];
        }

        await using var gateway = ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), ["run"], env, "thgw run");
        while (Interlocked.Read(ref broker.Received) == 0)
        {
            if (gateway.HasExited)
            {
                Console.Error.WriteLine($"thgw run exited:{Environment.NewLine}{gateway.Tail(30)}");
                return 1;
            }

            await Task.Delay(100); // sampling loop of a measurement, not a test
        }

        var samples = new List<(double Rss, double Anon, double File)>();
        for (var i = 0; i < seconds; i++)
        {
            await Task.Delay(1000);
            samples.Add((Status(gateway.Id, "VmRSS"), Status(gateway.Id, "RssAnon"), Status(gateway.Id, "RssFile")));
        }

        var steady = samples.Skip(samples.Count / 2).OrderBy(s => s.Rss).ToList()[samples.Count / 4];
        Console.WriteLine($"gateway RSS over {seconds} s after connecting: steady (median of 2nd half) {steady.Rss:F1} MiB " +
                          $"(private/anonymous {steady.Anon:F1} MiB, file-backed shared code {steady.File:F1} MiB), peak {samples.Max(s => s.Rss):F1} MiB; " +
                          $"broker received {Interlocked.Read(ref broker.Received)} messages (target ≤ 40 MB)");
        return 0;
    }

    private static double Status(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        throw new InvalidOperationException($"no {field} for pid {pid}");
    }
}
