using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Real MQTT 5 clients with credentials, for the isolation tests against the embedded broker and mosquitto.</summary>
internal static class SecureMqtt
{
    public static MqttClientOptionsBuilder Options(int port, string clientId, string? username, string? password) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCredentials(username, password)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(10));

    /// <summary>Connects and returns the CONNACK result; the client is connected only when it says Success.</summary>
    public static Task<(IMqttClient Client, MqttClientConnectResultCode Result)> TryConnectAsync(MqttClientOptionsBuilder options) => TryConnectAsync(options.Build());

    public static async Task<(IMqttClient Client, MqttClientConnectResultCode Result)> TryConnectAsync(MqttClientOptions options)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(options);
            return (client, result.ResultCode);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException ex)
        {
            // MQTTnet 5 puts the CONNACK reason only into the message: "... failed (NotAuthorized)".
            var code = Enum.GetValues<MqttClientConnectResultCode>().FirstOrDefault(c => ex.Message.Contains($"({c})", StringComparison.Ordinal), MqttClientConnectResultCode.UnspecifiedError);
            return (client, code);
        }
    }

    public static async Task<IMqttClient> ConnectAsync(MqttClientOptions options)
    {
        var (client, result) = await TryConnectAsync(options);
        if (result != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"Connect of {options.ClientId} failed: {result}");
        }

        return client;
    }

    /// <summary>Collects every message a client receives, in order.</summary>
    public static ConcurrentQueue<MqttApplicationMessage> Collect(IMqttClient client, Action<MqttApplicationMessage>? onMessage = null)
    {
        var received = new ConcurrentQueue<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage);
            onMessage?.Invoke(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        return received;
    }

    public static Task<MqttClientPublishResult> PublishQos1Async(this IMqttClient client, string topic, string payload, bool retain = false) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    public static async Task<MqttClientSubscribeResultCode> SubscribeQos1Async(this IMqttClient client, string filter)
    {
        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }
}
