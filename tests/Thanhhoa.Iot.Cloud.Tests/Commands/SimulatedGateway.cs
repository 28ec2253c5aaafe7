using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>
/// A lightweight gateway for cloud tests on a <see cref="ContractDeviceClient"/> (persistent session, down/#,
/// birth) that answers every down/cmd with a result (once per command
/// id), and every down/config with a report. Hundreds or thousands of these run in one test process.
/// </summary>
internal sealed class SimulatedGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private readonly ConcurrentDictionary<string, byte> _answered = new(StringComparer.Ordinal);
    private readonly Channel<DeviceCommand> _commands = Channel.CreateUnbounded<DeviceCommand>();
    private readonly Channel<DesiredConfigMessage> _configs = Channel.CreateUnbounded<DesiredConfigMessage>();
    private readonly Channel<ConfigReport> _reportsStored = Channel.CreateUnbounded<ConfigReport>();

    public SimulatedGateway(string deviceId) => _client = new ContractDeviceClient(deviceId, OnDownAsync);

    public string DeviceId => _client.DeviceId;

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
    public Task ConnectAsync(int port, bool cleanStart = false, CancellationToken cancellationToken = default) =>
        _client.JoinAsync(port, cleanStart: cleanStart, cancellationToken: cancellationToken);

    /// <summary>Connects without the contract's subscribe and birth (a bare MQTT session), e.g. to let a broker queue build.</summary>
    public Task ConnectSilentlyAsync(int port) => _client.ConnectAsync(port);

    public Task SubscribeOnlyAsync() => _client.SubscribeDownAsync();

    public Task DisconnectAsync() => _client.DisconnectAsync();

    public Task<MqttClientPublishResult> PublishAsync(TopicKind kind, byte[] payload, bool retain = false, CancellationToken cancellationToken = default) =>
        _client.PublishAsync(kind, payload, retain, cancellationToken);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task OnDownAsync(TopicKind kind, byte[] payload)
    {
        Received++;
        if (kind == TopicKind.Command)
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
        else if (kind == TopicKind.Config)
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
