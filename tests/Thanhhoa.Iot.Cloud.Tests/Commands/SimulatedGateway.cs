using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>
/// A lightweight gateway for cloud tests: one real MQTTnet 5 client that speaks the contract — persistent
/// session, subscribe to its down/#, birth — and answers every down/cmd with a result (once per command
/// id), and every down/config with a report. Hundreds or thousands of these run in one test process.
/// </summary>
internal sealed class SimulatedGateway : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, byte> _answered = new(StringComparer.Ordinal);
    private readonly Channel<DeviceCommand> _commands = Channel.CreateUnbounded<DeviceCommand>();
    private readonly Channel<DesiredConfigMessage> _configs = Channel.CreateUnbounded<DesiredConfigMessage>();
    private readonly Channel<ConfigReport> _reportsStored = Channel.CreateUnbounded<ConfigReport>();
    private long _session;

    public SimulatedGateway(string deviceId) => DeviceId = deviceId;

    public string DeviceId { get; }

    /// <summary>How the gateway answers a command; null leaves it unanswered (as an offline-then-dead gateway would).</summary>
    public Func<DeviceCommand, CommandResult?> Answer { get; set; } = c => Succeeded(c.Id);

    /// <summary>How the gateway answers a configuration; null sends no report.</summary>
    public Func<DesiredConfigMessage, ConfigReport?> Report { get; set; } = c => new ConfigReport
    {
        Version = ContractInfo.Version, ConfigVersion = c.ConfigVersion, Status = ConfigReportStatus.Applied,
        Timestamp = DateTimeOffset.UtcNow, AppliedVersion = c.ConfigVersion,
    };

    /// <summary>Every down/cmd received, redeliveries included.</summary>
    public ChannelReader<DeviceCommand> Commands => _commands.Reader;

    public ChannelReader<DesiredConfigMessage> Configs => _configs.Reader;

    /// <summary>Reports the cloud acknowledged: with the embedded broker, stored before the PUBACK.</summary>
    public ChannelReader<ConfigReport> ReportsStored => _reportsStored.Reader;

    public int Received { get; private set; }

    /// <summary>How many down/cmd messages arrived (retained down/config ones not counted).</summary>
    public int CommandsReceived { get; private set; }

    public static CommandResult Succeeded(string id) => new()
    {
        Version = ContractInfo.Version, Id = id, Status = CommandStatus.Succeeded, Timestamp = DateTimeOffset.UtcNow,
        Result = new Dictionary<string, JsonElement> { ["pong"] = JsonSerializer.SerializeToElement(true) },
    };

    /// <summary>Connects (persistent session unless <paramref name="cleanStart"/>), subscribes to down/#, then publishes the birth.</summary>
    public async Task ConnectAsync(int port, bool cleanStart = false, CancellationToken cancellationToken = default)
    {
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(DeviceId)
            .WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(cleanStart ? 0u : 3600u)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        await _client.ConnectAsync(options, cancellationToken);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(DeviceTopics.DownFilter(DeviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        var birth = JsonCodec.Encode(new StateMessage
        {
            Version = ContractInfo.Version, State = LinkState.Online, Session = ++_session, Timestamp = DateTimeOffset.UtcNow,
        });
        await PublishAsync(TopicKind.State, birth, retain: true, cancellationToken);
    }

    /// <summary>Connects without the contract's subscribe and birth (a bare MQTT session), e.g. to let a broker queue build.</summary>
    public async Task ConnectSilentlyAsync(int port)
    {
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(DeviceId).WithCleanStart(false).WithSessionExpiryInterval(3600).Build());
    }

    public Task SubscribeOnlyAsync() => _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
        .WithTopicFilter(DeviceTopics.DownFilter(DeviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public async Task DisconnectAsync()
    {
        _client.ApplicationMessageReceivedAsync -= OnMessageAsync;
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
        }
    }

    public Task<MqttClientPublishResult> PublishAsync(TopicKind kind, byte[] payload, bool retain = false, CancellationToken cancellationToken = default) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(DeviceId, kind))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .WithContentType(ContractInfo.JsonContentType)
            .Build(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _client.Dispose();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!DeviceTopics.TryParse(message.Topic, out var topic))
        {
            return Task.CompletedTask;
        }

        Received++;
        var payload = System.Buffers.BuffersExtensions.ToArray(message.Payload);
        if (topic.Kind == TopicKind.Command)
        {
            CommandsReceived++;
            var command = JsonCodec.DecodeCommand(payload);
            _commands.Writer.TryWrite(command);
            if (_answered.TryAdd(command.Id, 0) && Answer(command) is { } result)
            {
                // Answer outside the receive handler, as the real gateway does through its outbox.
                _ = Task.Run(() => PublishAsync(TopicKind.CommandResult, JsonCodec.Encode(result)));
            }
        }
        else if (topic.Kind == TopicKind.Config)
        {
            var config = JsonCodec.DecodeConfig(payload);
            _configs.Writer.TryWrite(config);
            if (Report(config) is { } report)
            {
                _ = Task.Run(async () =>
                {
                    await PublishAsync(TopicKind.ConfigReported, JsonCodec.Encode(report));
                    _reportsStored.Writer.TryWrite(report);
                });
            }
        }

        return Task.CompletedTask;
    }
}
