using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Network;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>weak-drain [--hours 72] [--kbps 27,1000] [--encoding cbor+deflate]</c>: a BTS site's backlog of
/// <c>--hours</c> (every poll of docs/profiles/bts-site.json kept: the worst case, no report by
/// exception) in a real durable outbox, drained by the real uplink through a real TCP proxy throttled to
/// each rate (token bucket per direction) to a loopback broker, in real time. Prints the time to drain and
/// the bytes the link carried (MQTT and TCP payload; TCP/IP headers are not on loopback's meter).
/// </summary>
internal static class WeakLinkDrainCommand
{
    /// <summary>Channels of the reference BTS profile and their poll intervals in seconds.</summary>
    private static readonly (string Channel, int Seconds, double Base, double Step)[] Profile =
    [
        ("mains", 5, 1, 0), ("gen_running", 5, 0, 0), ("door", 5, 0, 0), ("smoke", 5, 0, 0),
        ("battery_v", 10, 53.6, 0.05), ("load_a", 10, 42, 0.3), ("battery_t", 60, 28, 0.05), ("cabinet_t", 30, 31, 0.05),
        ("cabinet_rh", 60, 70, 0.2), ("ac_v", 10, 228, 0.8), ("ac_a", 10, 11, 0.2), ("ac_w", 10, 2500, 20),
        ("ac_hz", 30, 50, 0.02), ("ac_kwh", 300, 18000, 0.5),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var hours = CommandArgs.Int(args, "--hours", 72);
        var encoding = Arg(args, "--encoding") ?? "cbor+deflate";
        var rates = (Arg(args, "--kbps") ?? "27,1000").Split(',').Select(k => long.Parse(k, System.Globalization.CultureInfo.InvariantCulture) * 1000).ToList();
        var backlog = Backlog(hours);
        Console.WriteLine($"backlog   {hours} h of a BTS site, every poll kept: {backlog.Count:N0} readings; encoding {encoding}");
        foreach (var rate in rates)
        {
            await RunOnceAsync(backlog, rate, encoding);
        }

        return 0;
    }

    private static async Task RunOnceAsync(List<SensorReading> backlog, long bitsPerSecond, string encoding)
    {
        using var dir = new TempDirectory("bench-weak-drain");
        using var outbox = LiteDbOutbox.Open(new OutboxOptions { DataDirectory = dir.Path, QuotaBytes = 2L * 1024 * 1024 * 1024 });
        foreach (var chunk in backlog.Chunk(4000))
        {
            await outbox.AppendReadingsAsync(chunk, CancellationToken.None);
        }

        await using var broker = await LoopbackBroker.StartAsync();
        await using var link = ThrottledTcpProxy.Start(broker.Port, bitsPerSecond);
        var uplink = new MqttUplink(outbox,
            Options.Create(new UplinkOptions { Host = "127.0.0.1", Port = link.Port, Encoding = encoding, OperationTimeout = TimeSpan.FromMinutes(2) }),
            Options.Create(new GatewayOptions { DeviceId = "bench-weak", DataDirectory = dir.Path }),
            new UplinkStatus(), new LoggingDownlinkHandler(NullLogger<LoggingDownlinkHandler>.Instance), TimeProvider.System,
            NullLogger<MqttUplink>.Instance, new Random(1));
        var clock = Stopwatch.StartNew();
        await uplink.StartAsync(CancellationToken.None);
        while (outbox.GetStatus().PendingReadings > 0)
        {
            await Task.Delay(50); // a measurement loop, not a test: sampling the depth is the point
        }

        var elapsed = clock.Elapsed;
        await uplink.StopAsync(CancellationToken.None);
        uplink.Dispose();
        var up = link.UpstreamBytes;
        Console.WriteLine($"drain     {bitsPerSecond / 1000.0:N0} kbit/s: {backlog.Count:N0} readings in {elapsed.TotalSeconds:F1} s ({elapsed.TotalMinutes:F1} min); " +
                          $"link carried {up:N0} B up, {link.DownstreamBytes:N0} B down = {(double)up / backlog.Count:F2} B/reading up; " +
                          $"link time at that rate {(up + link.DownstreamBytes) * 8.0 / bitsPerSecond / 2:F0}..{up * 8.0 / bitsPerSecond:F0} s");
    }

    private static List<SensorReading> Backlog(int hours)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var values = Profile.Select(p => p.Base).ToArray();
        var readings = new List<SensorReading>();
        for (var second = 0; second < hours * 3600; second += 5)
        {
            for (var i = 0; i < Profile.Length; i++)
            {
                if (second % Profile[i].Seconds == 0)
                {
                    values[i] += (random.NextDouble() - 0.5) * 2 * Profile[i].Step;
                    readings.Add(new SensorReading(Profile[i].Channel, start.AddSeconds(second), Math.Round(values[i], 2), Quality.Good));
                }
            }
        }

        return readings;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
