using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Pipeline;

[TestFixture]
[Category("Integration")]
public sealed class LinkStateTests
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(5);

    [Test]
    public async Task GatewayKilled_LastWill_MarksItOfflineWithinKeepAliveWindow()
    {
        using var dir = new TempDirectory("e2e-will");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var fleet = await FleetProcess.StartAsync(1, cloud.MqttPort, dir.File("fleet"), "will-",
            new Dictionary<string, string> { ["Uplink:KeepAlive"] = KeepAlive.ToString() });
        var id = fleet.DeviceIds[0];
        var online = await Eventually.UntilAsync(() => cloud.Api.DeviceAsync(id), d => d is { Online: true }, TimeSpan.FromSeconds(60), $"{id} online");

        fleet.Process.Kill(); // SIGKILL: no DISCONNECT, no goodbye — only the broker's last will can tell
        var killedAt = DateTime.UtcNow;
        var offline = await Eventually.UntilAsync(() => cloud.Api.DeviceAsync(id), d => d is { Online: false },
            KeepAlive * 1.5 + TimeSpan.FromSeconds(5), $"{id} offline after SIGKILL");

        Assert.Multiple(() =>
        {
            Assert.That(DateTime.UtcNow - killedAt, Is.LessThan(KeepAlive * 1.5 + TimeSpan.FromSeconds(5)));
            Assert.That(offline!.Session, Is.EqualTo(online!.Session), "the will of the current session, not an older one");
            Assert.That(offline.OfflineReason, Is.Not.EqualTo("shutdown"), "a kill is not a clean shutdown");
        });
    }

    [Test]
    public async Task GatewayStopped_SaysGoodbye_OfflineWithReasonShutdown()
    {
        using var dir = new TempDirectory("e2e-bye");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        await using var fleet = await FleetProcess.StartAsync(1, cloud.MqttPort, dir.File("fleet"), "bye-");
        var id = fleet.DeviceIds[0];
        await Eventually.UntilAsync(() => cloud.Api.DeviceAsync(id), d => d is { Online: true }, TimeSpan.FromSeconds(60), $"{id} online");

        await fleet.StopAsync();
        var offline = await Eventually.UntilAsync(() => cloud.Api.DeviceAsync(id), d => d is { Online: false }, TimeSpan.FromSeconds(30), $"{id} offline");
        Assert.That(offline!.OfflineReason, Is.EqualTo("shutdown"));
    }
}
