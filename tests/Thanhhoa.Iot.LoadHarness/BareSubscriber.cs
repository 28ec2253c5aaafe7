using MQTTnet;
using MQTTnet.Protocol;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>The baseline consumer: subscribes at QoS 1, acknowledges and discards every message, and counts them.</summary>
public sealed class BareSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _messages;

    private BareSubscriber(IMqttClient client) => _client = client;

    public long Messages => Interlocked.Read(ref _messages);

    public static async Task<BareSubscriber> StartAsync(string host, int port, string filter, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var sink = new BareSubscriber(client);
        client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref sink._messages);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId("thiot-load-sink")
            .WithCleanStart(true)
            .Build();
        await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(),
            cancellationToken).ConfigureAwait(false);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build()).ConfigureAwait(false);
        }

        _client.Dispose();
    }
}
