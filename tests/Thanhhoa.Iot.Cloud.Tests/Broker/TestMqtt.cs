using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>Real MQTT 5 clients acting as gateways in tests.</summary>
internal static class TestMqtt
{
    public static async Task<IMqttClient> ConnectAsync(int port, string clientId, byte[]? will = null, bool cleanStart = true)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(cleanStart)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (will is not null)
        {
            builder = builder.WithWillTopic(DeviceTopics.For(clientId, TopicKind.State)).WithWillPayload(will)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithWillRetain(true);
        }

        var result = await client.ConnectAsync(builder.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Connect of {clientId} failed: {result.ResultCode} {result.ReasonString}");
        }

        return client;
    }

    public static Task<MqttClientPublishResult> PublishAsync(this IMqttClient client, string topic, byte[] payload, string? contentType = null)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(contentType)
            .Build();
        return client.PublishAsync(message);
    }
}
