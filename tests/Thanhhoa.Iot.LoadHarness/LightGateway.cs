using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.LoadHarness.Wire;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// One simulated gateway: an MQTT 5 connection (<see cref="WireConnection"/>) with the real contract's birth, last
/// will and telemetry batches (sequence numbers from 1, no gaps), and nothing else (no outbox, no downlink). A batch
/// that is not acknowledged with success is sent again with the same numbers, as a real outbox would. With
/// <c>answerCommands</c> it also subscribes to its down/cmd and answers each command with a succeeded result.
/// </summary>
internal sealed class LightGateway(string deviceId, bool answerCommands = false)
{
    /// <summary>Asked of the broker at CONNECT; pings go only on a connection idle for half of it (<see cref="Tick"/>).</summary>
    private const int KeepAliveSeconds = 120;
    private const string DrainHintProperty = "thiot-drain";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Channels = ["battery_v", "load_a", "temp_c", "mains", "rect_v"];
    private WireConnection? _connection;
    private TimeProvider _time = TimeProvider.System;
    private TelemetryBatch? _pending;
    private long _nextSeq = 1;

    public string DeviceId { get; } = deviceId;

    public bool IsConnected => _connection is { IsOpen: true };

    /// <summary>Highest sequence number the broker acknowledged.</summary>
    public long AckedSeq { get; private set; }

    public int BatchesAcked { get; private set; }

    public long NextDueTicks { get; set; }

    public int Busy;

    /// <summary>The drain rate (readings/s) the cloud last asked for on CONNACK or PUBACK; null when it asked for none.</summary>
    public double? DrainHint { get; private set; }

    public async Task ConnectAsync(string host, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        _time = time;
        var state = DeviceTopics.For(DeviceId, TopicKind.State);
        var will = new OutgoingMessage(state, JsonCodec.Encode(State(LinkState.Offline, time, "lost")), ContractInfo.JsonContentType, Retain: true);
        if (_connection is { } old)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }

        var connection = await WireConnection.ConnectAsync(
            host, port, new ConnectRequest(DeviceId, KeepAliveSeconds, will), time, ReplyTimeout, answerCommands ? AnswerAsync : null, cancellationToken).ConfigureAwait(false);
        _connection = connection;
        DrainHint = HintOf(connection.ConnectReply) ?? DrainHint;
        if (answerCommands)
        {
            await connection.SubscribeAsync(DeviceTopics.For(DeviceId, TopicKind.Command), 1, cancellationToken).ConfigureAwait(false);
        }

        var birth = new OutgoingMessage(state, JsonCodec.Encode(State(LinkState.Online, time, null)), ContractInfo.JsonContentType, Retain: true);
        await connection.PublishAsync(birth, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes the next batch (or the unacknowledged one again); true when the broker acknowledged it with success.</summary>
    public async Task<(bool Ok, TelemetryBatch Batch)> PublishAsync(int readings, PayloadEncoding encoding, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new MqttWireException($"'{DeviceId}' is not connected.");
        var batch = _pending ??= NextBatch(readings, time.GetUtcNow());
        var message = new OutgoingMessage(DeviceTopics.For(DeviceId, TopicKind.Telemetry), PayloadCodec.Encode(batch, encoding), PayloadCodec.ContentTypeOf(encoding));
        var reply = await connection.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        DrainHint = HintOf(reply) ?? DrainHint;
        if (!reply.IsSuccess)
        {
            return (false, batch);
        }

        _pending = null;
        AckedSeq = batch.SeqTo;
        BatchesAcked++;
        return (true, batch);
    }

    /// <summary>Keep-alive and reply timeout of the connection (see <see cref="WireConnection.Tick"/>).</summary>
    public void Tick() => _connection?.Tick();

    public async Task DisconnectAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisconnectAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Answers outside the receive loop, as the real gateway does through its outbox; a failed answer is the cloud's expiry to see.</summary>
    private Task AnswerAsync(IncomingMessage message)
    {
        if (!DeviceTopics.TryParse(message.Topic, out var topic) || topic.Kind != TopicKind.Command || _connection is not { } connection)
        {
            return Task.CompletedTask;
        }

        var command = JsonCodec.DecodeCommand(message.Payload);
        var result = new CommandResult
        {
            Version = ContractInfo.Version, Id = command.Id, Status = CommandStatus.Succeeded,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
        var answer = new OutgoingMessage(DeviceTopics.For(DeviceId, TopicKind.CommandResult), JsonCodec.Encode(result), ContractInfo.JsonContentType);
        _ = Task.Run(async () =>
        {
            try
            {
                await connection.PublishAsync(answer, CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttWireException)
            {
                // The connection went away; the command expires at the cloud.
            }
        });
        return Task.CompletedTask;
    }

    private static double? HintOf(BrokerReply reply) =>
        reply.UserProperty(DrainHintProperty) is { } value
        && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0
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
