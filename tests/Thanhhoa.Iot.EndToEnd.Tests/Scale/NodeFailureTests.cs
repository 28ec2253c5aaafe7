using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.LoadHarness;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// One of two cloud nodes is SIGKILLed mid-stream. mosquitto keeps a share of new messages (and the
/// unacknowledged ones) in the dead node's persistent session; the survivor adopts that session once
/// the dead node's lease expires, so every reading is still stored, exactly once.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class NodeFailureTests
{
    private const int Gateways = 100;
    private const int Readings = 20;
    private const int Batches = 40;

    [Test]
    public async Task Node_KilledMidStream_SurvivorStoresEveryReadingExactlyOnce()
    {
        await using var cloud = await ScaledCloud.StartAsync(2, "--Coordination:MemberLeaseTtl=00:00:03");
        var options = cloud.Fleet(Gateways, Readings, Batches, "kill-");
        const long Expected = Gateways * Readings * Batches;
        var killed = cloud.Nodes[1];
        await using (var fleet = await LoadFleet.ConnectAsync(options, TimeProvider.System, CancellationToken.None))
        {
            var publishing = fleet.RunAsync(CancellationToken.None);
            using var probe = new CloudProbe(options.Clouds);
            await Eventually.UntilAsync(() => probe.ReadingsIngestedAsync(options.Clouds[1], CancellationToken.None), n => n >= Expected / 10,
                TimeSpan.FromSeconds(60), "node b ingesting");
            await killed.KillAsync();
            await publishing;
            Assert.That(fleet.AckedReadings, Is.EqualTo(Expected), "mosquitto acknowledged every batch");
        }

        await cloud.WaitForReadingsAsync(Expected);
        var perDevice = await cloud.ReadingsPerDeviceAsync();
        Assert.Multiple(() =>
        {
            Assert.That(perDevice.Sum(d => d.Rows), Is.EqualTo(Expected), "nothing lost, nothing twice");
            Assert.That(perDevice.Where(d => d.Distinct != d.Rows || d.MaxSeq != Readings * Batches), Is.Empty);
            Assert.That(cloud.Nodes[0].Process.Output.Any(l => l.Contains("adopts its broker session", StringComparison.Ordinal)), Is.True,
                "the survivor adopted the dead node's session");
        });
    }
}
