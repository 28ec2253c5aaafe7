using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// One simulated gateway: an MQTT 5 client with the real contract's birth, last will and telemetry
/// batches (sequence numbers from 1, no gaps), and nothing else (no outbox, no downlink). A batch that
/// is not acknowledged with success is sent again with the same numbers, as a real outbox would. With
/// <c>answerCommands</c> it also subscribes to its down/cmd and answers each command with a succeeded result.
/// </summary>
internal sealed class LightGateway(string deviceId, MqttClientFactory factory, bool answerCommands = false)
{
    private static readonly string[] Channels = ["battery_v", "load_a", "temp_c", "mains", "rect_v"];
    private readonly IMqttClient _client = factory.CreateMqttClient();
    private TelemetryBatch? _pending;
    private long _nextSeq = 1;
    private int _answering;

    public string DeviceId { get; } = deviceId;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Highest sequence number the broker acknowledged.</summary>
    public long AckedSeq { get; private set; }

    public int BatchesAcked { get; private set; }

    public long NextDueTicks { get; set; }

    public int Busy;

    /// <summary>The drain rate (readings/s) the cloud last asked for on CONNACK or PUBACK; null when it asked for none.</summary>
    public double? DrainHint { get; private set; }

    public async Task ConnectAsync(string host, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        var state = DeviceTopics.For(DeviceId, TopicKind.State);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(DeviceId)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(120))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithWillTopic(state)
            .WithWillPayload(JsonCodec.Encode(State(LinkState.Offline, time, "lost")))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(ContractInfo.JsonContentType)
            .Build();
        if (answerCommands && Interlocked.Exchange(ref _answering, 1) == 0)
        {
            _client.ApplicationMessageReceivedAsync += OnCommandAsync;
        }

        var connack = await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        DrainHint = HintOf(connack.UserProperties) ?? DrainHint;
        if (answerCommands)
        {
            await _client.SubscribeAsync(DeviceTopics.For(DeviceId, TopicKind.Command), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        }

        var birth = new MqttApplicationMessageBuilder()
            .WithTopic(state)
            .WithPayload(JsonCodec.Encode(State(LinkState.Online, time, null)))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(ContractInfo.JsonContentType)
            .Build();
        await _client.PublishAsync(birth, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes the next batch (or the unacknowledged one again); true when the broker acknowledged it with success.</summary>
    public async Task<(bool Ok, TelemetryBatch Batch)> PublishAsync(int readings, PayloadEncoding encoding, TimeProvider time, CancellationToken cancellationToken)
    {
        var batch = _pending ??= NextBatch(readings, time.GetUtcNow());
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(DeviceId, TopicKind.Telemetry))
            .WithPayload(PayloadCodec.Encode(batch, encoding))
            .WithContentType(PayloadCodec.ContentTypeOf(encoding))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        DrainHint = HintOf(result.UserProperties) ?? DrainHint;
        if (!result.IsSuccess)
        {
            return (false, batch);
        }

        _pending = null;
        AckedSeq = batch.SeqTo;
        BatchesAcked++;
        return (true, batch);
    }

    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build()).ConfigureAwait(false);
        }

        _client.Dispose();
    }

    /// <summary>Answers outside the receive loop, as the real gateway does through its outbox; a failed answer is the cloud's expiry to see.</summary>
    private Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (!DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) || topic.Kind != TopicKind.Command)
        {
            return Task.CompletedTask;
        }

        var command = JsonCodec.DecodeCommand(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
        var result = new CommandResult
        {
            Version = ContractInfo.Version, Id = command.Id, Status = CommandStatus.Succeeded,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        };
        _ = Task.Run(() => _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(DeviceId, TopicKind.CommandResult))
            .WithPayload(JsonCodec.Encode(result))
            .WithContentType(ContractInfo.JsonContentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()));
        return Task.CompletedTask;
    }

    private static double? HintOf(IReadOnlyCollection<MqttUserProperty>? properties) =>
        properties?.FirstOrDefault(p => p.Name == "thiot-drain") is { } p
        && double.TryParse(p.ReadValueAsString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : null;

    private TelemetryBatch NextBatch(int count, DateTimeOffset now)
    {
        var first = _nextSeq;
        _nextSeq += count;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var list = new Reading[count];
        for (var i = 0; i < count; i++)
        {
            list[i] = new Reading
            {
                Seq = first + i,
                Channel = Channels[i % Channels.Length],
                Timestamp = at.AddMilliseconds(i - count),
                Value = 48 + (i % 7) * 0.25,
                Quality = Quality.Good,
            };
        }

        return new TelemetryBatch { Version = ContractInfo.Version, SeqFrom = first, SeqTo = first + count - 1, Readings = list };
    }

    private static StateMessage State(LinkState state, TimeProvider time, string? reason) => new()
    {
        Version = ContractInfo.Version,
        State = state,
        Session = 1,
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()),
        Firmware = "load-harness",
        Reason = reason,
    };
}
