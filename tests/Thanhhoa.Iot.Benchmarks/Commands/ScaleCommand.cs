using System.Globalization;
using Thanhhoa.Iot.LoadHarness;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Mosquitto;
using Thanhhoa.Iot.TestSupport.Postgres;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>scale [--gateways 10000] [--readings 50] [--interval 1000] [--duration 30] [--nodes 1] [--commands 500] [--shapes embedded,pg,baseline]
/// [--cloud-env NAME=VALUE,...] [--node-in-flight 1024] [--baseline-interval MS]</c>: the same
/// lightweight fleet (thiot-load, in this process) against three shapes, one after the other in one run:
/// (1) the cloud with its embedded broker and LiteDB (PUBACK after store); (2) mosquitto + cloud node(s)
/// + PostgreSQL; (3) mosquitto delivering to a bare subscriber that discards (the baseline; with
/// <c>--baseline-interval</c> a second time under that heavier load, to find its capacity). Prints one
/// RESULT line per shape, the embedded cloud's memory per connected gateway, and a summary of ratios that
/// says which figures are capacities (<see cref="ScaleSummary"/>).
/// </summary>
internal static class ScaleCommand
{

    public static async Task<int> RunAsync(string[] args)
    {
        var fleet = new LoadOptions
        {
            Gateways = CommandArgs.Int(args, "--gateways", 10_000),
            ReadingsPerBatch = CommandArgs.Int(args, "--readings", 50),
            Interval = TimeSpan.FromMilliseconds(CommandArgs.Int(args, "--interval", 1000)),
            Duration = TimeSpan.FromSeconds(CommandArgs.Int(args, "--duration", 30)),
            Warmup = TimeSpan.FromSeconds(CommandArgs.Int(args, "--warmup", 10)),
            MaxInFlight = CommandArgs.Int(args, "--in-flight", 2000),
            ConnectRate = CommandArgs.Int(args, "--connect-rate", 1000),
            CommandInterval = TimeSpan.FromMilliseconds(CommandArgs.Int(args, "--commands", 500)),
        };
        var nodes = CommandArgs.Int(args, "--nodes", 1);
        var env = CloudEnvironment(args);
        var nodeInFlight = CommandArgs.Int(args, "--node-in-flight", 1024);
        Console.WriteLine($"scale: {fleet.Gateways} gateways, {fleet.ReadingsPerBatch} readings/batch, a batch per {fleet.Interval.TotalMilliseconds} ms per gateway, " +
                          $"{fleet.Duration.TotalSeconds} s measured after {fleet.Warmup.TotalSeconds} s warm-up; load average {LoadAverage()}");
        var shapes = args.SkipWhile(a => a != "--shapes").Skip(1).FirstOrDefault()?.Split(',') ?? ["embedded", "pg", "baseline"];
        var summary = new ScaleSummary(Offered(fleet));
        if (shapes.Contains("embedded"))
        {
            summary.Add("embedded", await EmbeddedAsync(fleet with { Prefix = "emb-" }, env));
        }

        if (shapes.Contains("pg"))
        {
            summary.Add("pg", await PostgresAsync(fleet with { Prefix = "pg-" }, nodes, nodeInFlight, env));
        }

        if (shapes.Contains("baseline"))
        {
            summary.Add("baseline", await BaselineAsync(fleet with { Prefix = "base-" }));
        }

        if (CommandArgs.Int(args, "--baseline-interval", 0) is > 0 and var heavier)
        {
            var heavy = fleet with { Prefix = "cap-", Interval = TimeSpan.FromMilliseconds(heavier) };
            summary.Add("baseline@" + heavier + "ms", await BaselineAsync(heavy), Offered(heavy));
        }

        summary.Print(Console.Out);
        return 0;
    }

    private static double Offered(LoadOptions fleet) => fleet.Gateways * fleet.ReadingsPerBatch / fleet.Interval.TotalSeconds;

    /// <param name="env">Environment variables for the cloud processes only (e.g. a GC setting a deployment uses), not the harness.</param>
    private static async Task<LoadReport> EmbeddedAsync(LoadOptions fleet, IReadOnlyDictionary<string, string>? env)
    {
        using var dir = new TempDirectory("bench-scale-emb");
        var http = FreeTcpPort.Next();
        var mqtt = FreeTcpPort.Next();
        await using var cloud = await StartCloudAsync("embedded", http, env,
            [$"--Broker:Port={mqtt}", $"--Storage:DataDirectory={dir.Path}"]);
        var before = RssMiB(cloud.Id);
        var cpu = new CpuWindow().Add("harness", Self).Add("cloud (broker + LiteDB)", () => [cloud.Id]);
        var report = await LoadRun.RunAsync(fleet with { BrokerPort = mqtt, Clouds = [new Uri($"http://127.0.0.1:{http}")], ApiKey = BootstrapKey(dir.Path) }, Console.Out,
            async f =>
            {
                cpu.Start();
                await Task.Delay(TimeSpan.FromSeconds(3)); // let the broker settle before sampling memory (a measurement, not a test)
                var after = RssMiB(cloud.Id);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"embedded cloud RSS {before:F0} MiB idle, {after:F0} MiB with {f.Connected} gateways connected: {(after - before) * 1024 / Math.Max(1, f.Connected):F1} KiB per gateway"));
            },
            CancellationToken.None);
        Console.WriteLine($"embedded broker + LiteDB: {report}");
        Console.WriteLine(cpu.Report());
        await PrintStoreMetricsAsync(new Uri($"http://127.0.0.1:{http}"));
        return report;
    }

    /// <param name="nodeInFlight">Each node's Broker:External:MaxInFlight (MQTT 5 Receive Maximum towards mosquitto).</param>
    private static async Task<LoadReport> PostgresAsync(LoadOptions fleet, int nodes, int nodeInFlight, IReadOnlyDictionary<string, string>? env)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var pg = await PostgresCluster.StartAsync(["shared_buffers = 512MB", "max_wal_size = 4GB", "checkpoint_timeout = 15min"]);
        var db = await pg.CreateDatabaseAsync("bench");
        var clouds = new List<(ChildProcess Process, Uri Url)>();
        using var dir = new TempDirectory("bench-scale-pg"); // each node's node-local files, fresh like the database
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                var http = FreeTcpPort.Next();
                var process = await StartCloudAsync($"pg-node-{i}", http, env,
                [
                    "--Storage:Provider=Postgres", $"--Storage:ConnectionString={db};Maximum Pool Size=100",
                    $"--Storage:DataDirectory={Path.Combine(dir.Path, $"node-{i}")}",
                    "--Broker:Mode=External", $"--Broker:External:Port={broker.Port}", "--Broker:External:SharedGroup=ingest",
                    $"--Broker:External:ClientId=bench-ingest-{i}", $"--Broker:External:MaxInFlight={nodeInFlight}",
                ]);
                clouds.Add((process, new Uri($"http://127.0.0.1:{http}")));
            }

            await Task.Delay(TimeSpan.FromSeconds(2)); // subscriptions in place before the fleet publishes
            var cpu = new CpuWindow().Add("harness", Self).Add("mosquitto", () => ProcessCpu.Matching(broker.ConfigFile))
                .Add("cloud", () => clouds.Select(c => c.Process.Id).ToList()).Add("postgres", () => ProcessCpu.Matching(pg.DataDirectory));
            var report = await LoadRun.RunAsync(
                fleet with { BrokerPort = broker.Port, Clouds = clouds.Select(c => c.Url).ToList(), ApiKey = BootstrapKey(Path.Combine(dir.Path, "node-0")) }, Console.Out,
                _ =>
                {
                    cpu.Start();
                    return Task.CompletedTask;
                },
                CancellationToken.None);
            Console.WriteLine($"mosquitto + {nodes} node(s) + PostgreSQL: {report}");
            Console.WriteLine(cpu.Report());
            await PrintStoreMetricsAsync(clouds[0].Url);
            PrintProblems(clouds.Select(c => c.Process));
            return report;
        }
        finally
        {
            foreach (var (process, _) in clouds)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<LoadReport> BaselineAsync(LoadOptions fleet)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var cpu = new CpuWindow().Add("harness + subscriber", Self).Add("mosquitto", () => ProcessCpu.Matching(broker.ConfigFile));
        var report = await LoadRun.RunAsync(fleet with { BrokerPort = broker.Port, SinkFilter = "$share/ingest/thiot/v1/+/up/#", CommandInterval = TimeSpan.Zero }, Console.Out,
            _ =>
            {
                cpu.Start();
                return Task.CompletedTask;
            },
            CancellationToken.None);
        Console.WriteLine($"mosquitto + bare subscriber (baseline, a batch per {fleet.Interval.TotalMilliseconds} ms per gateway): {report}");
        Console.WriteLine(cpu.Report());
        return report;
    }

    private static async Task<ChildProcess> StartCloudAsync(string name, int http, IReadOnlyDictionary<string, string>? env, string[] args)
    {
        var process = ChildProcess.StartDotnet(RepoPaths.BuiltDll("cloud/Thanhhoa.Iot.Cloud", "Thanhhoa.Iot.Cloud"),
            [
                $"--Urls=http://127.0.0.1:{http}", "--Logging:LogLevel:Thanhhoa.Iot.Cloud.Ingest=Warning", "--Security:Mode=Development",
                "--Logging:LogLevel:Microsoft.AspNetCore=Warning", // as the shipped appsettings.json, which a node started from the repository root does not read
                .. args,
            ],
            env,
            name: name);
        await process.WaitForLineAsync("cloud ready", TimeSpan.FromSeconds(60));
        return process;
    }

    /// <summary>The cloud's warnings and errors during the run (a store failure or a lost subscription explains a low figure).</summary>
    private static void PrintProblems(IEnumerable<ChildProcess> processes)
    {
        foreach (var process in processes)
        {
            var problems = process.Output.Where(l => l.Contains("warn:", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"{process.Name}: {problems.Count} warnings/errors logged");
            foreach (var line in problems.Take(5))
            {
                Console.WriteLine("  " + line);
            }
        }
    }

    /// <summary>The admin key a fresh cloud writes into its data directory (the harness creates commands with it).</summary>
    private static string BootstrapKey(string dataDirectory) => File.ReadAllText(Path.Combine(dataDirectory, "security", "bootstrap-admin.key")).Trim();

    private static IReadOnlyList<int> Self() => [Environment.ProcessId];

    /// <summary>Mean commit time and writes per commit of the store, from the cloud's own histograms.</summary>
    private static async Task PrintStoreMetricsAsync(Uri cloud)
    {
        using var http = new HttpClient();
        var values = (await http.GetStringAsync(new Uri(cloud, "/metrics"))).Split('\n')
            .Where(l => l.StartsWith("thiot_store_", StringComparison.Ordinal) && (l.Contains("_sum ", StringComparison.Ordinal) || l.Contains("_count ", StringComparison.Ordinal)))
            .ToDictionary(l => l.Split(' ')[0], l => double.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var commits = values.GetValueOrDefault("thiot_store_write_seconds_count");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store: {commits:F0} commits, mean {values.GetValueOrDefault("thiot_store_write_seconds_sum") / Math.Max(1, commits) * 1000:F2} ms each, " +
            $"{values.GetValueOrDefault("thiot_store_group_size_sum") / Math.Max(1, values.GetValueOrDefault("thiot_store_group_size_count")):F1} writes per commit"));
    }

    private static Dictionary<string, string>? CloudEnvironment(string[] args)
    {
        var text = args.SkipWhile(a => a != "--cloud-env").Skip(1).FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        var pairs = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        if (pairs.Any(p => p.Length != 2 || p[0].Length == 0))
        {
            throw new ArgumentException($"--cloud-env '{text}': expected NAME=VALUE pairs separated by commas, e.g. DOTNET_GCgen0size=0x10000000");
        }

        Console.WriteLine($"cloud processes run with {text}");
        return pairs.ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double RssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        throw new InvalidOperationException($"no VmRSS for pid {pid}");
    }
}
