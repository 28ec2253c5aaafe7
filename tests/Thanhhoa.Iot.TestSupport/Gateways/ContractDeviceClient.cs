using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.TestSupport.Gateways;

/// <summary>
/// One device's MQTT 5 session speaking the wire contract: the part every simulated gateway of the tests
/// and benchmarks shares. It connects as the device (persistent session unless clean start), subscribes
/// to its <c>down/#</c>, publishes its retained birth (a new session number each time), publishes up
/// messages at QoS 1 on its own topics, and hands each down message to <c>onDown</c> as (kind, payload).
/// What a gateway does with a command, a configuration or a firmware stays with each simulated gateway.
/// </summary>
public sealed class ContractDeviceClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _session;

    /// <param name="deviceId">The device id: client id and topic segment.</param>
    /// <param name="onDown">Called on the receive loop for each down message of this device; answer outside it (Task.Run), as a real gateway answers through its outbox.</param>
    public ContractDeviceClient(string deviceId, Func<TopicKind, byte[], Task>? onDown = null)
    {
        DeviceId = deviceId;
        if (onDown is not null)
        {
            _client.ApplicationMessageReceivedAsync += e =>
                DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) && !topic.IsUp
                    ? onDown(topic.Kind, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload))
                    : Task.CompletedTask;
        }
    }

    public string DeviceId { get; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connect, subscribe to down/#, then the birth — what a gateway does each time its link comes up.</summary>
    public async Task JoinAsync(int port, string? firmware = null, string? site = null, bool cleanStart = false, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(port, cleanStart, timeout, cancellationToken: cancellationToken);
        await SubscribeDownAsync(cancellationToken);
        await BirthAsync(firmware, site, cancellationToken);
    }

    /// <summary>
    /// Only the MQTT connection: a persistent session (one hour) unless <paramref name="cleanStart"/>; with
    /// <paramref name="will"/> the contract's last will (retained offline state, reason "lost"), as the real
    /// gateway registers it. Throws when refused.
    /// </summary>
    public async Task ConnectAsync(int port, bool cleanStart = false, TimeSpan? timeout = null, bool will = false, CancellationToken cancellationToken = default)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(DeviceId)
            .WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(cleanStart ? 0u : 3600u)
            .WithTimeout(timeout ?? TimeSpan.FromSeconds(30));
        if (will)
        {
            builder
                .WithWillTopic(DeviceTopics.For(DeviceId, TopicKind.State))
                .WithWillPayload(JsonCodec.Encode(new StateMessage
                {
                    Version = ContractInfo.Version, State = LinkState.Offline, Session = _session + 1, Timestamp = DateTimeOffset.UtcNow, Reason = "lost",
                }))
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillContentType(ContractInfo.JsonContentType);
        }

        var result = await _client.ConnectAsync(builder.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Gateway {DeviceId} could not connect: {result.ResultCode} {result.ReasonString}");
        }
    }

    public Task SubscribeDownAsync(CancellationToken cancellationToken = default) => _client.SubscribeAsync(
        new MqttClientSubscribeOptionsBuilder().WithTopicFilter(DeviceTopics.DownFilter(DeviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build(),
        cancellationToken);

    /// <summary>The retained online state message with the next session number.</summary>
    public Task BirthAsync(string? firmware = null, string? site = null, CancellationToken cancellationToken = default) =>
        PublishAcceptedAsync(
            TopicKind.State,
            JsonCodec.Encode(new StateMessage
            {
                Version = ContractInfo.Version, State = LinkState.Online, Session = Interlocked.Increment(ref _session),
                Timestamp = DateTimeOffset.UtcNow, Firmware = firmware, Site = site,
            }),
            retain: true,
            cancellationToken);

    /// <summary>Publishes at QoS 1 on this device's topic of <paramref name="kind"/> (JSON content type) and returns the broker's answer.</summary>
    public Task<MqttClientPublishResult> PublishAsync(TopicKind kind, byte[] payload, bool retain = false, CancellationToken cancellationToken = default) =>
        _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(DeviceTopics.For(DeviceId, kind))
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(retain)
                .WithContentType(ContractInfo.JsonContentType)
                .Build(),
            cancellationToken);

    /// <summary>As <see cref="PublishAsync"/>, and throws when the broker (the cloud, with the embedded broker) refused the message.</summary>
    public async Task PublishAcceptedAsync(TopicKind kind, byte[] payload, bool retain = false, CancellationToken cancellationToken = default)
    {
        var result = await PublishAsync(kind, payload, retain, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The cloud refused {kind} of {DeviceId}: {result.ReasonCode} {result.ReasonString}");
        }
    }

    /// <summary>Drops the connection the way a lost link does: the broker publishes the will.</summary>
    public Task DropAsync() => _client.DisconnectAsync(
        new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());

    /// <summary>A normal disconnect (no will), when connected.</summary>
    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _client.Dispose();
    }
}
