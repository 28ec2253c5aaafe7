using MQTTnet;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// A gateway bound to a site, as the dashboard sees one: MQTT 5 client with birth (naming the site) and last will,
/// that publishes battery readings and alarm events, and can drop its connection so the broker sends its will.
/// </summary>
public sealed class SiteGateway : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _seq; // one sequence for readings and events, as a gateway's outbox numbers them
    private DateTimeOffset _last;

    private SiteGateway(string deviceId, string site)
    {
        DeviceId = deviceId;
        Site = site;
    }

    public string DeviceId { get; }

    public string Site { get; }

    public static async Task<SiteGateway> ConnectAsync(int port, string deviceId, string site)
    {
        var gateway = new SiteGateway(deviceId, site);
        var state = DeviceTopics.For(deviceId, TopicKind.State);
        await gateway._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(deviceId)
            .WithCleanStart(true)
            .WithWillTopic(state)
            .WithWillPayload(JsonCodec.Encode(State(LinkState.Offline, null, "lost")))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(ContractInfo.JsonContentType)
            .Build());
        await gateway.PublishAsync(TopicKind.State, JsonCodec.Encode(State(LinkState.Online, site, null)), retain: true);
        return gateway;
    }

    public Task BatteryAsync(double volts)
    {
        var seq = ++_seq;
        return PublishAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch
        {
            Version = 1, SeqFrom = seq, SeqTo = seq,
            Readings = [new Reading { Seq = seq, Channel = "battery_v", Timestamp = Next(), Value = volts, Quality = Quality.Good }],
        }));
    }

    /// <summary>Raises an alarm; returns its sequence number (the alarm id is device:code:seq).</summary>
    public async Task<long> RaiseAsync(string code)
    {
        var seq = ++_seq;
        await PublishAsync(TopicKind.Events, JsonCodec.Encode(new EventBatch
        {
            Version = 1, SeqFrom = seq, SeqTo = seq,
            Events = [new DeviceEvent { Seq = seq, Timestamp = Next(), Code = code, Action = EventAction.Raise, Severity = Severity.Critical }],
        }));
        return seq;
    }

    /// <summary>Drops the connection the way a lost link does: the broker publishes the will.</summary>
    public Task DropAsync() => _client.DisconnectAsync(
        new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }

    private static StateMessage State(LinkState state, string? site, string? reason) =>
        new() { Version = 1, State = state, Session = 1, Timestamp = Now(), Site = site, Reason = reason };

    /// <summary>A timestamp later than every earlier one of this gateway (readings sent within one millisecond stay ordered).</summary>
    private DateTimeOffset Next() => _last = Now() > _last ? Now() : _last.AddMilliseconds(1);

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());

    private async Task PublishAsync(TopicKind kind, byte[] payload, bool retain = false)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(DeviceId, kind))
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithContentType(ContractInfo.JsonContentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"mosquitto refused {DeviceId}'s {kind} message: {result.ReasonCode}");
        }
    }
}
