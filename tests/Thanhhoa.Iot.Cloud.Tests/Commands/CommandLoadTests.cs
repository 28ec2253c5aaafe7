using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>
/// Command round trip with many connected gateways on the real cloud (embedded broker, LiteDB): every
/// gateway is a real MQTT 5 client that speaks the contract and answers its commands. Scale with the
/// environment variable THIOT_LOAD_GATEWAYS (default 1000); the figures go to the test output and
/// docs/benchmarks.md.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class CommandLoadTests
{
    [Test]
    public async Task RoundTrip_ManyConnectedGateways_EveryCommandAccountedForNoneStuckPending()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("THIOT_LOAD_GATEWAYS"), CultureInfo.InvariantCulture, out var n) ? n : 1000;
        using var dir = new TempDirectory("cloud-load");
        var signals = new CommandSignals();
        await using var cloud = await CloudHost.StartEmbeddedAsync(dir.Path, s => s.AddSingleton<ICommandObserver>(signals));
        var gateways = Enumerable.Range(1, count).Select(i => new SimulatedGateway($"sim-{i:D5}")).ToList();
        try
        {
            var connect = Stopwatch.StartNew();
            await Parallel.ForEachAsync(gateways, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (g, ct) => await g.ConnectAsync(cloud.MqttPort, cancellationToken: ct));
            await cloud.Signals.WaitUntilAsync(s => s.Links.Count(l => l.Applied && l.Update.State == LinkState.Online) >= count, TimeSpan.FromSeconds(120));
            connect.Stop();

            // A burst: one request for every gateway at once.
            var burst = await cloud.PostAsync<CreatedCommands>("/api/commands",
                new { deviceIds = gateways.Select(g => g.DeviceId).ToArray(), type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(10) });
            await signals.WaitUntilAsync(all => burst.Commands.All(c => all.TryGetValue(c.Id, out var x) && x.IsFinal), TimeSpan.FromSeconds(120));

            // One at a time: the latency a single operator sees with the fleet connected.
            var single = new List<string>();
            foreach (var g in gateways.Take(Math.Min(200, count)))
            {
                var id = (await cloud.PostAsync<CreatedCommands>("/api/commands", new { deviceId = g.DeviceId, type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(10) })).Commands[0].Id;
                await signals.WaitForAsync(id, c => c.IsFinal);
                single.Add(id);
            }

            var all = await cloud.GetJsonAsync<List<CommandRecord>>($"/api/commands?batchId={burst.BatchId}&limit=10000");
            var stats = await cloud.GetJsonAsync<Dictionary<string, int>>("/api/commands/stats");
            Report(count, connect.Elapsed, all, single.Select(id => signals.Latest[id]).ToList());
            Assert.Multiple(() =>
            {
                Assert.That(all, Has.Count.EqualTo(count));
                Assert.That(all.Select(c => c.Status), Is.All.EqualTo(CommandState.Succeeded));
                Assert.That((stats["Pending"], stats["Delivered"]), Is.EqualTo((0, 0)), "none stuck pending");
                Assert.That(stats["Succeeded"], Is.EqualTo(count + single.Count));
            });
        }
        finally
        {
            await Parallel.ForEachAsync(gateways, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (g, _) => await g.DisposeAsync());
        }
    }

    private static void Report(int gateways, TimeSpan connect, IReadOnlyList<CommandRecord> burst, IReadOnlyList<CommandRecord> single)
    {
        static string Percentiles(IEnumerable<CommandRecord> commands)
        {
            var ms = commands.Select(c => (c.ResultReceivedAt!.Value - c.CreatedAt).TotalMilliseconds).Order().ToArray();
            double At(double p) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(p * ms.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0} ms, p99 {At(0.99):0.0} ms, max {ms[^1]:0.0} ms (n={ms.Length})");
        }

        TestContext.Progress.WriteLine($"Command round trip, {gateways} connected gateways (connected and born in {connect.TotalSeconds:0.0} s):");
        TestContext.Progress.WriteLine($"  burst of {burst.Count} (one request for all): {Percentiles(burst)}");
        TestContext.Progress.WriteLine($"  one at a time ({single.Count} sequential): {Percentiles(single)}");
    }
}
