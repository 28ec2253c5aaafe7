using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>Publishes over MQTT 5 exactly what a gateway sends: retained birth with its site, telemetry batches, alarm events.</summary>
internal sealed class SimulatedGateway : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _seq;

    private SimulatedGateway(IMqttClient client, string deviceId)
    {
        _client = client;
        DeviceId = deviceId;
    }

    public string DeviceId { get; }

    public static async Task<SimulatedGateway> ConnectAsync(int port, string deviceId, string site)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(deviceId).WithCleanStart(true).WithTimeout(TimeSpan.FromSeconds(10)).Build();
        var result = await client.ConnectAsync(options);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Gateway {deviceId} could not connect: {result.ResultCode} {result.ReasonString}");
        }

        var gateway = new SimulatedGateway(client, deviceId);
        await gateway.PublishAsync(TopicKind.State, JsonCodec.Encode(new StateMessage
        {
            Version = 1, State = LinkState.Online, Session = 1, Timestamp = DateTimeOffset.UtcNow, Firmware = "0.1.0-e2e", Site = site,
        }), retain: true);
        return gateway;
    }

    public Task TelemetryAsync(DateTimeOffset at, params (string Channel, double Value)[] values)
    {
        var first = _seq + 1;
        var readings = values.Select(v => new Reading { Seq = ++_seq, Channel = v.Channel, Timestamp = at, Value = v.Value, Quality = Quality.Good }).ToList();
        return PublishAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch { Version = 1, SeqFrom = first, SeqTo = _seq, Readings = readings }));
    }

    public Task EventAsync(DateTimeOffset at, string code, EventAction action, Severity severity, IReadOnlyDictionary<string, double>? values = null)
    {
        var seq = ++_seq;
        return PublishAsync(TopicKind.Events, JsonCodec.Encode(new EventBatch
        {
            Version = 1, SeqFrom = seq, SeqTo = seq,
            Events = [new DeviceEvent { Seq = seq, Timestamp = at, Code = code, Action = action, Severity = severity, Values = values }],
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }

    private async Task PublishAsync(TopicKind kind, byte[] payload, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(DeviceId, kind)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        var result = await _client.PublishAsync(message);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The cloud refused {kind} of {DeviceId}: {result.ReasonCode} {result.ReasonString}");
        }
    }
}
