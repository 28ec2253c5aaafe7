using System.Buffers;
using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
[Category("Integration")]
public sealed class MqttUplinkDownlinkTests
{
    [Test]
    public async Task Downlink_CommandSentWhileGatewayOffline_DeliveredAfterItReconnects()
    {
        using var dir = new TempDirectory("uplink");
        await using var broker = await TestBroker.StartAsync();
        var first = new UplinkHarness(broker.Port, dir.Path);
        var subscribed = WhenSubscribed(broker.Server);
        first.Start();
        await subscribed;
        await first.StopAsync();

        // The broker keeps the session (CleanStart=false, session expiry), so this queues for the gateway.
        await broker.Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
            .WithTopic("thiot/v1/gw-test/down/cmd")
            .WithPayload("{\"id\":\"c1\"}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()), CancellationToken.None);

        var handler = new RecordingDownlink();
        await using var second = new UplinkHarness(broker.Port, dir.Path) { Downlink = handler };
        second.Start();

        var (topic, payload) = await handler.NextAsync();
        Assert.That(topic, Is.EqualTo("thiot/v1/gw-test/down/cmd"));
        Assert.That(payload, Is.EqualTo("{\"id\":\"c1\"}"));
        await broker.WaitForAsync(m => m.IsState && m.State is { State: LinkState.Online, Session: 2 });
    }

    private static Task WhenSubscribed(MqttServer server)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.ClientSubscribedTopicAsync += e =>
        {
            if (e.TopicFilter.Topic == "thiot/v1/gw-test/down/#")
            {
                signal.TrySetResult();
            }

            return Task.CompletedTask;
        };
        return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class RecordingDownlink : IDownlinkHandler
    {
        private readonly Channel<(string, string)> _received = Channel.CreateUnbounded<(string, string)>();

        public Task HandleAsync(string topic, ReadOnlySequence<byte> payload, string? contentType, CancellationToken cancellationToken) =>
            _received.Writer.WriteAsync((topic, Encoding.UTF8.GetString(payload.ToArray())), cancellationToken).AsTask();

        public async Task<(string Topic, string Payload)> NextAsync() =>
            await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
