using System.Buffers;
using System.Net;
using System.Text;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using NUnit.Framework;
using Thanhhoa.Iot.LoadHarness.Wire;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// The load harness's own MQTT 5 client against a real MQTTnet server (the engine of the cloud's embedded broker):
/// what it publishes arrives as sent, the broker's reason codes and user properties come back, the will goes only
/// when the connection drops, and subscriptions deliver. (Against mosquitto: the scale tests, which run the harness.)
/// </summary>
[TestFixture]
public sealed class WireConnectionBrokerTests
{
    private readonly List<(string ClientId, string Topic, byte[] Payload, string? ContentType, bool Retain)> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource<string> _disconnected = null!;
    private TaskCompletionSource _droppedWill = null!;
    private MqttServer _server = null!;
    private int _port;

    [SetUp]
    public async Task StartAsync()
    {
        _port = FreeTcpPort.Next();
        _received.Clear();
        _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _droppedWill = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(_port).Build());
        _server.ValidatingConnectionAsync += e =>
        {
            e.ResponseUserProperties = [new MqttUserProperty("thiot-drain", Encoding.UTF8.GetBytes("12.5"))];
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += e =>
        {
            var m = e.ApplicationMessage;
            lock (_gate)
            {
                _received.Add((e.ClientId, m.Topic, m.Payload.ToArray(), m.ContentType, m.Retain));
            }

            if (m.Topic == "state/gw-dropped")
            {
                _droppedWill.TrySetResult();
            }

            if (m.Topic == "up/refused")
            {
                e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
                e.Response.UserProperties = [new MqttUserProperty("thiot-drain", Encoding.UTF8.GetBytes("40"))];
            }

            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            _disconnected.TrySetResult(e.ClientId);
            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    [Test]
    public async Task Publish_ArrivesAsSent_ReasonCodeAndUserPropertiesOfConnAckAndPubAckComeBack()
    {
        await using var connection = await ConnectAsync("gw-1");

        var stored = await connection.PublishAsync(new OutgoingMessage("up/ok", [1, 2, 3], "application/cbor", Retain: true), CancellationToken.None);
        var refused = await connection.PublishAsync(new OutgoingMessage("up/refused", [4], null), CancellationToken.None);

        var received = Received();
        Assert.Multiple(() =>
        {
            Assert.That(connection.ConnectReply.UserProperty("thiot-drain"), Is.EqualTo("12.5"));
            Assert.That(stored.IsSuccess, Is.True);
            Assert.That(refused.IsSuccess, Is.False);
            Assert.That(refused.ReasonCode, Is.EqualTo((byte)MqttPubAckReasonCode.PayloadFormatInvalid));
            Assert.That(refused.UserProperty("thiot-drain"), Is.EqualTo("40"));
            Assert.That(received[0].ClientId, Is.EqualTo("gw-1"));
            Assert.That(received[0].Topic, Is.EqualTo("up/ok"));
            Assert.That(received[0].Payload, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(received[0].ContentType, Is.EqualTo("application/cbor"));
            Assert.That(received[0].Retain, Is.True);
        });
    }

    [Test]
    public async Task Will_PublishedWhenTheConnectionDrops_NotAfterDisconnect()
    {
        var clean = await ConnectAsync("gw-clean", Will("state/gw-clean"));
        await clean.DisconnectAsync();
        Assert.That(await _disconnected.Task.WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo("gw-clean"));

        var dropped = await ConnectAsync("gw-dropped", Will("state/gw-dropped"));
        await dropped.DisposeAsync(); // the socket closes without DISCONNECT, as a dead link would
        await _droppedWill.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var wills = Received().Where(r => r.Topic.StartsWith("state/", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(wills.Select(w => w.Topic), Is.EqualTo(new[] { "state/gw-dropped" }), "the clean disconnect (earlier) sent no will");
            Assert.That(wills[0].Retain, Is.True);
            Assert.That(wills[0].ContentType, Is.EqualTo("application/json"));
            Assert.That(Encoding.UTF8.GetString(wills[0].Payload), Is.EqualTo("lost"));
        });
    }

    [Test]
    public async Task Subscribe_MessagesToTheFilterReachTheHandler()
    {
        var delivered = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscriber = await ConnectAsync("gw-sub", onMessage: m =>
        {
            delivered.TrySetResult(m);
            return Task.CompletedTask;
        });
        await subscriber.SubscribeAsync("down/gw-sub/cmd", 1, CancellationToken.None);
        await using var cloud = await ConnectAsync("cloud");

        await cloud.PublishAsync(new OutgoingMessage("down/gw-sub/cmd", "ping"u8.ToArray(), "application/json"), CancellationToken.None);

        var message = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(message.Topic, Is.EqualTo("down/gw-sub/cmd"));
            Assert.That(Encoding.UTF8.GetString(message.Payload), Is.EqualTo("ping"));
        });
    }

    private static OutgoingMessage Will(string topic) => new(topic, "lost"u8.ToArray(), "application/json", Retain: true);

    private Task<WireConnection> ConnectAsync(string clientId, OutgoingMessage? will = null, Func<IncomingMessage, Task>? onMessage = null) =>
        WireConnection.ConnectAsync("127.0.0.1", _port, new ConnectRequest(clientId, 60, will), TimeProvider.System, TimeSpan.FromSeconds(30), onMessage, CancellationToken.None);

    private List<(string ClientId, string Topic, byte[] Payload, string? ContentType, bool Retain)> Received()
    {
        lock (_gate)
        {
            return [.. _received];
        }
    }
}
