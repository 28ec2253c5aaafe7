using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.LoadHarness;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// The fleet runs every connection's keep-alive from one loop (no timer per connection): an idle gateway's
/// connection gets its PINGREQ from the fleet's tick, on the fleet's clock.
/// </summary>
[TestFixture]
public sealed class LoadFleetLivenessTests
{
    [Test]
    public async Task IdleGateway_HalfItsKeepAliveWithoutSending_TheFleetTickSendsPingReq()
    {
        var time = new FakeTimeProvider();
        await using var peer = new ScriptedBroker();
        var connecting = LoadFleet.ConnectAsync(new LoadOptions { Gateways = 1, BrokerPort = peer.Port, Prefix = "idle-" }, time, CancellationToken.None);
        await peer.AcceptAsync();
        var connect = await peer.ReadPacketAsync();
        await peer.SendAsync(0x20, 0x03, 0x00, 0x00, 0x00);
        var birth = await peer.ReadPacketAsync();
        await peer.SendAsync(0x40, 0x02, 0x00, 0x01);
        var fleet = await connecting.WaitAsync(TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(59));
        time.Advance(TimeSpan.FromSeconds(1));
        var ping = await peer.ReadPacketAsync();
        var connected = fleet.Connected;
        await peer.DisposeAsync(); // first: the fleet's disconnect waits (on its fake clock) for the broker to close
        await fleet.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(connect[0], Is.EqualTo(0x10));
            Assert.That(connect[(KeepAliveAt(connect))..(KeepAliveAt(connect) + 2)], Is.EqualTo(new byte[] { 0x00, 0x78 }), "keep-alive 120 s asked");
            Assert.That(birth[0], Is.EqualTo(0x33), "the retained QoS 1 birth");
            Assert.That(connected, Is.EqualTo(1));
            Assert.That(ping, Is.EqualTo(new byte[] { 0xC0, 0x00 }), "a PINGREQ after 60 s idle, half the keep-alive");
        });
    }

    /// <summary>Where CONNECT's keep-alive is: after the protocol name, level and flags.</summary>
    private static int KeepAliveAt(byte[] connect) => connect.AsSpan().IndexOf("MQTT"u8) + 4 + 1 + 1;
}
