using System.Text;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.LoadHarness.Wire;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// The load harness's own MQTT 5 client (<see cref="WireConnection"/>) against a scripted peer: the exact bytes it
/// sends, framing of what it receives, keep-alive and reply timeout on the fleet's tick (fake time), and clear
/// reasons when the peer misbehaves.
/// </summary>
[TestFixture]
public sealed class WireConnectionPeerTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] ConnAckOk = [0x20, 0x03, 0x00, 0x00, 0x00];
    private readonly FakeTimeProvider _time = new();

    [Test]
    public async Task Connect_SendsTheMqtt5ConnectWithCleanStartKeepAliveAndWill()
    {
        await using var peer = new ScriptedBroker();
        var will = new OutgoingMessage("t/w", [1, 2], "application/json", Qos: 1, Retain: true);
        var connecting = Connect(peer, new ConnectRequest("gw-1", 120, will));
        await peer.AcceptAsync();

        var connect = await peer.ReadPacketAsync();
        await peer.SendAsync(ConnAckOk);
        await using var connection = await connecting;

        byte[] body =
        [
            0x00, 0x04, .. "MQTT"u8, 0x05,
            0x2E, // clean start, will, will QoS 1, will retain
            0x00, 0x78, // keep-alive 120 s
            0x00, // no CONNECT properties
            0x00, 0x04, .. "gw-1"u8,
            0x13, 0x03, 0x00, 0x10, .. "application/json"u8, // will properties: content type
            0x00, 0x03, .. "t/w"u8,
            0x00, 0x02, 0x01, 0x02,
        ];
        Assert.Multiple(() =>
        {
            Assert.That(connect, Is.EqualTo((byte[])[0x10, (byte)body.Length, .. body]));
            Assert.That(connection.IsOpen, Is.True);
        });
    }

    [Test]
    public async Task Publish_RepliesSplitAcrossReadsAndSeveralInOneRead_EachReachesItsPublish()
    {
        await using var peer = new ScriptedBroker();
        await using var connection = await ConnectedAsync(peer);

        var first = connection.PublishAsync(new OutgoingMessage("up/a", "x"u8.ToArray(), "application/cbor"), CancellationToken.None);
        var second = connection.PublishAsync(new OutgoingMessage("up/b", "y"u8.ToArray(), null), CancellationToken.None);
        var third = connection.PublishAsync(new OutgoingMessage("up/c", "z"u8.ToArray(), null), CancellationToken.None);
        var publishes = new[] { await peer.ReadPacketAsync(), await peer.ReadPacketAsync(), await peer.ReadPacketAsync() };

        // PUBACK of the second with reason 0x97 (quota exceeded) and a user property, byte by byte; then both others in one write.
        byte[] secondAck = [0x40, 0x0F, 0x00, 0x02, 0x97, 0x0B, 0x26, 0x00, 0x03, .. "key"u8, 0x00, 0x03, .. "250"u8];
        foreach (var b in secondAck)
        {
            await peer.SendAsync(b);
        }

        await peer.SendAsync([0x40, 0x02, 0x00, 0x03, 0x40, 0x03, 0x00, 0x01, 0x00]);

        var replies = await Task.WhenAll(first, second, third).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(publishes[0], Is.EqualTo((byte[])[0x32, 0x1D, 0x00, 0x04, .. "up/a"u8, 0x00, 0x01, 0x13, 0x03, 0x00, 0x10, .. "application/cbor"u8, .. "x"u8]),
                "QoS 1, topic, packet id 1, content type, payload");
            Assert.That(publishes[1][^1], Is.EqualTo((byte)'y'));
            Assert.That(replies.Select(r => r.IsSuccess), Is.EqualTo(new[] { true, false, true }));
            Assert.That(replies[1].ReasonCode, Is.EqualTo(0x97));
            Assert.That(replies[1].UserProperty("key"), Is.EqualTo("250"));
        });
    }

    [Test]
    public async Task IncomingPublishAtQos1_HandlerGetsItThenThePeerGetsItsPubAck()
    {
        await using var peer = new ScriptedBroker();
        var received = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = await ConnectedAsync(peer, m =>
        {
            received.TrySetResult(m);
            return Task.CompletedTask;
        });

        await peer.SendAsync([0x32, 0x0C, 0x00, 0x05, .. "d/cmd"u8, 0x00, 0x07, 0x00, .. "hi"u8]);

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var ack = await peer.ReadPacketAsync();
        Assert.Multiple(() =>
        {
            Assert.That(message.Topic, Is.EqualTo("d/cmd"));
            Assert.That(Encoding.ASCII.GetString(message.Payload), Is.EqualTo("hi"));
            Assert.That(ack, Is.EqualTo((byte[])[0x40, 0x02, 0x00, 0x07]));
        });
    }

    [Test]
    public async Task Tick_IdleForHalfTheServerKeepAlive_SendsPingReq_NotBefore()
    {
        await using var peer = new ScriptedBroker();
        // CONNACK with Server Keep Alive 10 s
        await using var connection = await ConnectedAsync(peer, keepAliveSeconds: 120, connAck: [0x20, 0x06, 0x00, 0x00, 0x03, 0x13, 0x00, 0x0A]);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        connection.Tick();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        connection.Tick();
        await connection.PublishAsync(new OutgoingMessage("up/a", [], null, Qos: 0), CancellationToken.None);

        var sent = new[] { await peer.ReadPacketAsync(), await peer.ReadPacketAsync() };
        Assert.Multiple(() =>
        {
            Assert.That(sent[0], Is.EqualTo((byte[])[0xC0, 0x00]), "a ping at 5 s of 10, from the server's keep-alive, not the 120 asked");
            Assert.That(sent[1][0], Is.EqualTo(0x30), "then the publish: no ping at 4.9 s");
        });
    }

    [Test]
    public async Task Tick_PubAckOverdue_ThatPublishFails_TheConnectionStaysAndCarriesTheNext()
    {
        await using var peer = new ScriptedBroker();
        await using var connection = await ConnectedAsync(peer);
        var slow = connection.PublishAsync(new OutgoingMessage("up/a", [1], null), CancellationToken.None);
        await peer.ReadPacketAsync();

        _time.Advance(ReplyTimeout);
        connection.Tick();
        Assert.That(slow.IsCompleted, Is.False, "at the timeout, not yet past it");
        _time.Advance(TimeSpan.FromSeconds(1));
        connection.Tick();
        var error = Assert.ThrowsAsync<MqttWireException>(() => slow);

        var next = connection.PublishAsync(new OutgoingMessage("up/a", [2], null), CancellationToken.None);
        await peer.ReadPacketAsync();
        await peer.SendAsync(0x40, 0x02, 0x00, 0x01, 0x40, 0x02, 0x00, 0x02); // the late PUBACK of the first, then the second's
        var reply = await next.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("no reply from the broker within 30 s"));
            Assert.That(reply.IsSuccess, Is.True);
            Assert.That(connection.IsOpen, Is.True, "a slow broker is not a dead link");
        });
    }

    [Test]
    public async Task Tick_PingUnansweredForTheReplyTimeout_ClosesTheConnection_EveryAwaitedReplyFails()
    {
        await using var peer = new ScriptedBroker();
        await using var connection = await ConnectedAsync(peer, keepAliveSeconds: 10);
        _time.Advance(TimeSpan.FromSeconds(5));
        connection.Tick();
        Assert.That(await peer.ReadPacketAsync(), Is.EqualTo((byte[])[0xC0, 0x00]));
        var publish = connection.PublishAsync(new OutgoingMessage("up/a", [1], null), CancellationToken.None);
        await peer.ReadPacketAsync();

        _time.Advance(ReplyTimeout);
        connection.Tick();
        Assert.That(connection.IsOpen, Is.True, "at the timeout, not yet past it");
        _time.Advance(TimeSpan.FromSeconds(1));
        connection.Tick();

        var error = Assert.ThrowsAsync<MqttWireException>(() => publish);
        var closed = await peer.ClosedByClientAsync();
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("no reply from the broker within 30 s to PINGREQ"));
            Assert.That(connection.IsOpen, Is.False);
            Assert.That(closed, Is.True, "the socket is closed, as a real gateway drops a silent link");
        });
    }

    [Test]
    public async Task Tick_PingAnswered_ConnectionStaysAndPingsAgainWhenIdle()
    {
        await using var peer = new ScriptedBroker();
        await using var connection = await ConnectedAsync(peer, keepAliveSeconds: 10);
        _time.Advance(TimeSpan.FromSeconds(5));
        connection.Tick();
        await peer.ReadPacketAsync();

        var publish = connection.PublishAsync(new OutgoingMessage("up/a", [], null), CancellationToken.None);
        await peer.ReadPacketAsync();
        await peer.SendAsync(0xD0, 0x00, 0x40, 0x02, 0x00, 0x01); // PINGRESP, then the PUBACK: once that is in, so is the answer
        await publish.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(ReplyTimeout + TimeSpan.FromSeconds(1));
        connection.Tick();

        var next = await peer.ReadPacketAsync();
        Assert.Multiple(() =>
        {
            Assert.That(connection.IsOpen, Is.True, "the ping was answered");
            Assert.That(next, Is.EqualTo((byte[])[0xC0, 0x00]), "idle again: the next ping");
        });
    }

    [TestCase(new byte[] { 0x40, 0x06, 0x00, 0x01, 0x00, 0x02, 0x7E, 0x00 }, "unknown property 0x7E")]
    [TestCase(new byte[] { 0x10, 0x00 }, "a packet of type 1")]
    [TestCase(new byte[] { 0x40, 0x05, 0x00, 0x01, 0x00, 0x09, 0x26 }, "shorter than its own lengths say")]
    [TestCase(new byte[] { 0xE0, 0x01, 0x8B }, "the broker disconnected it (reason 0x8B)")]
    public async Task PeerSendsWhatAClientCannotTake_ConnectionClosedWithAReason(byte[] bytes, string reason)
    {
        await using var peer = new ScriptedBroker();
        await using var connection = await ConnectedAsync(peer);
        var publish = connection.PublishAsync(new OutgoingMessage("up/a", [1], null), CancellationToken.None);
        await peer.ReadPacketAsync();

        await peer.SendAsync(bytes);

        var error = Assert.ThrowsAsync<MqttWireException>(() => publish.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(reason));
            Assert.That(connection.ClosedBecause, Does.Contain(reason));
        });
    }

    [Test]
    public async Task Connect_Refused_ThrowsWithTheReasonCode()
    {
        await using var peer = new ScriptedBroker();
        var connecting = Connect(peer, new ConnectRequest("gw-1", 120, null));
        await peer.AcceptAsync();
        await peer.ReadPacketAsync();

        await peer.SendAsync(0x20, 0x03, 0x00, 0x87, 0x00);

        var error = Assert.ThrowsAsync<MqttWireException>(() => connecting);
        Assert.That(error!.Message, Does.Contain("refused 'gw-1' (CONNACK reason 0x87)"));
    }

    [Test]
    public async Task Connect_NothingListening_ThrowsNamingTheAddress()
    {
        int port;
        await using (var peer = new ScriptedBroker())
        {
            port = peer.Port;
        }

        var error = Assert.ThrowsAsync<MqttWireException>(() =>
            WireConnection.ConnectAsync("127.0.0.1", port, new ConnectRequest("gw-1", 120, null), _time, ReplyTimeout, null, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain($"Could not connect 'gw-1' to 127.0.0.1:{port}"));
    }

    private Task<WireConnection> Connect(ScriptedBroker peer, ConnectRequest request, Func<IncomingMessage, Task>? onMessage = null) =>
        WireConnection.ConnectAsync("127.0.0.1", peer.Port, request, _time, ReplyTimeout, onMessage, CancellationToken.None);

    private async Task<WireConnection> ConnectedAsync(
        ScriptedBroker peer, Func<IncomingMessage, Task>? onMessage = null, int keepAliveSeconds = 0, byte[]? connAck = null)
    {
        var connecting = Connect(peer, new ConnectRequest("gw-1", keepAliveSeconds, null), onMessage);
        await peer.AcceptAsync();
        await peer.ReadPacketAsync();
        await peer.SendAsync(connAck ?? ConnAckOk);
        return await connecting;
    }
}
