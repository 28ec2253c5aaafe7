using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Pipeline;

/// <summary>Gateways → embedded broker → cloud, as processes: every reading exactly once, also across a broker outage.</summary>
[TestFixture]
[Category("Integration")]
public sealed class EmbeddedPipelineTests
{
    private const int Fleet = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Fleet_ThroughEmbeddedBroker_CloudHoldsEveryReadingExactlyOnce()
    {
        using var dir = new TempDirectory("e2e-pipe");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var fleet = await FleetProcess.StartAsync(Fleet, cloud.MqttPort, dir.File("fleet"), "pipe-");

        foreach (var id in fleet.DeviceIds)
        {
            await Eventually.UntilAsync(() => cloud.Api.AllReadingsAsync(id), r => r.Count >= 100, Wait, $"100 readings from {id}");
        }

        await fleet.StopAsync();
        foreach (var id in fleet.DeviceIds)
        {
            var outbox = await OutboxContents.ReadAsync(fleet.OutboxDirectory(id));
            var stored = await DeliveryCheck.AssertExactlyOnceAsync(cloud.Api, id, outbox);
            Assert.That(stored, Is.GreaterThanOrEqualTo(100), id);
        }
    }

    [Test]
    public async Task BrokerOutage_GatewaysBufferAndReconnect_CloudEndsWithEveryReadingExactlyOnce()
    {
        using var dir = new TempDirectory("e2e-outage");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var fleet = await FleetProcess.StartAsync(Fleet, cloud.MqttPort, dir.File("fleet"), "outage-");
        foreach (var id in fleet.DeviceIds)
        {
            await Eventually.UntilAsync(() => cloud.Api.AllReadingsAsync(id), r => r.Count >= 30, Wait, $"first readings from {id}");
        }

        // The broker lives in the cloud process: SIGKILL takes both down with no goodbye.
        var mark = fleet.Process.Mark();
        await cloud.KillAsync();
        var outageStart = DateTimeOffset.UtcNow;
        await fleet.Process.WaitForLineAfterAsync(mark, l => l.Contains($"connected 0/{Fleet}", StringComparison.Ordinal), Wait);
        var outageEnd = DateTimeOffset.UtcNow;

        mark = fleet.Process.Mark();
        await cloud.StartAgainAsync();
        await fleet.Process.WaitForLineAfterAsync(mark, l => l.Contains($"connected {Fleet}/{Fleet}", StringComparison.Ordinal), Wait);
        foreach (var id in fleet.DeviceIds)
        {
            // Readings taken while the broker was down arrive once the gateway is back.
            await Eventually.UntilAsync(() => cloud.Api.AllReadingsAsync(id),
                r => r.Any(x => x.Timestamp > outageStart.AddSeconds(1) && x.Timestamp < outageEnd), Wait,
                $"buffered readings of {id} from the outage");
        }

        await fleet.StopAsync();
        foreach (var id in fleet.DeviceIds)
        {
            await DeliveryCheck.AssertExactlyOnceAsync(cloud.Api, id, await OutboxContents.ReadAsync(fleet.OutboxDirectory(id)));
        }
    }
}
