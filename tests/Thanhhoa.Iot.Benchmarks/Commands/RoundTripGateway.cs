using System.Diagnostics;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// A lightweight contract-speaking gateway for the round-trip run: answers each down/cmd with a result and
/// records when the broker acknowledged that result, which the embedded broker does only after the cloud
/// stored it. So "acknowledged" here is "the result is in the cloud's database".
/// </summary>
internal sealed class RoundTripGateway(string deviceId) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private TaskCompletionSource<long> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string DeviceId { get; } = deviceId;

    /// <summary>Completes with the Stopwatch timestamp at which the next result was stored.</summary>
    public Task<long> NextStored => Volatile.Read(ref _stored).Task;

    public void Reset() => Volatile.Write(ref _stored, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task ConnectAsync(int port)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) && topic.Kind == TopicKind.Command)
            {
                var command = JsonCodec.DecodeCommand(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
                _ = Task.Run(() => AnswerAsync(command.Id));
            }

            return Task.CompletedTask;
        };
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(DeviceId).WithCleanStart(false).WithSessionExpiryInterval(3600).WithTimeout(TimeSpan.FromSeconds(60)).Build());
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(DeviceTopics.DownFilter(DeviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await PublishAsync(TopicKind.State, JsonCodec.Encode(new StateMessage
        {
            Version = ContractInfo.Version, State = LinkState.Online, Session = 1, Timestamp = DateTimeOffset.UtcNow,
        }), retain: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task AnswerAsync(string id)
    {
        var result = JsonCodec.Encode(new CommandResult
        {
            Version = ContractInfo.Version, Id = id, Status = CommandStatus.Succeeded, Timestamp = DateTimeOffset.UtcNow,
            Result = new Dictionary<string, JsonElement> { ["pong"] = JsonSerializer.SerializeToElement(true) },
        });
        await PublishAsync(TopicKind.CommandResult, result);
        Volatile.Read(ref _stored).TrySetResult(Stopwatch.GetTimestamp());
    }

    private Task<MqttClientPublishResult> PublishAsync(TopicKind kind, byte[] payload, bool retain = false) => _client.PublishAsync(
        new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(DeviceId, kind)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).WithContentType(ContractInfo.JsonContentType).Build());
}
