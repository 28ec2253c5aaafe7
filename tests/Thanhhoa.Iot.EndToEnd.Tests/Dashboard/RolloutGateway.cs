using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>
/// A gateway that speaks the rollout part of the contract over MQTT 5: subscribes to its down/#, publishes its birth,
/// answers every down/config with a config-reported — applied, or refused with <see cref="RefuseReason"/> — and
/// publishes the firmware reports a test gives it (it downloads nothing).
/// </summary>
internal sealed class RolloutGateway : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<ConfigReport> _reported = Channel.CreateUnbounded<ConfigReport>();

    private RolloutGateway(string deviceId) => DeviceId = deviceId;

    public string DeviceId { get; }

    /// <summary>Set: the next configurations are refused at <c>$.settings.uploadSeconds</c> with this reason.</summary>
    public string? RefuseReason { get; set; }

    /// <summary>Reports the cloud acknowledged: with the embedded broker, stored before the PUBACK.</summary>
    public ChannelReader<ConfigReport> Reported => _reported.Reader;

    public static async Task<RolloutGateway> ConnectAsync(int port, string deviceId)
    {
        var gateway = new RolloutGateway(deviceId);
        gateway._client.ApplicationMessageReceivedAsync += gateway.OnMessageAsync;
        await gateway._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(deviceId).WithCleanStart(true).WithTimeout(TimeSpan.FromSeconds(10)).Build());
        await gateway._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(DeviceTopics.DownFilter(deviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await gateway.PublishAsync(TopicKind.State, JsonCodec.Encode(new StateMessage
        {
            Version = ContractInfo.Version, State = LinkState.Online, Session = 1, Timestamp = DateTimeOffset.UtcNow, Firmware = "0.1.0-e2e",
        }), retain: true);
        return gateway;
    }

    /// <summary>Publishes a firmware report (QoS 1: stored by the embedded broker's cloud before the PUBACK).</summary>
    public Task ReportFirmwareAsync(FirmwareReport report) => PublishAsync(TopicKind.FirmwareReported, JsonCodec.Encode(report));

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (!DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) || topic.Kind != TopicKind.Config)
        {
            return Task.CompletedTask;
        }

        var config = JsonCodec.DecodeConfig(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
        var report = RefuseReason is { } reason
            ? new ConfigReport
            {
                Version = ContractInfo.Version, ConfigVersion = config.ConfigVersion, Status = ConfigReportStatus.Refused, Timestamp = DateTimeOffset.UtcNow,
                Field = "$.settings.uploadSeconds", Reason = reason,
            }
            : new ConfigReport
            {
                Version = ContractInfo.Version, ConfigVersion = config.ConfigVersion, Status = ConfigReportStatus.Applied, Timestamp = DateTimeOffset.UtcNow,
                AppliedVersion = config.ConfigVersion,
            };

        // Answer outside the receive handler, as the real gateway does through its outbox.
        _ = Task.Run(async () =>
        {
            try
            {
                await PublishAsync(TopicKind.ConfigReported, JsonCodec.Encode(report));
                _reported.Writer.TryWrite(report);
            }
            catch (Exception ex) when (ex is InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
            {
                _reported.Writer.TryComplete(ex);
            }
        });
        return Task.CompletedTask;
    }

    private async Task PublishAsync(TopicKind kind, byte[] payload, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(DeviceId, kind)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).WithContentType(ContractInfo.JsonContentType).Build();
        var result = await _client.PublishAsync(message);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The cloud refused {kind} of {DeviceId}: {result.ReasonCode} {result.ReasonString}");
        }
    }
}
