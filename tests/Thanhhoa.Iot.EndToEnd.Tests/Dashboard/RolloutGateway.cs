using System.Threading.Channels;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>
/// A gateway that speaks the rollout part of the contract over MQTT 5: subscribes to its down/#, publishes its birth,
/// answers every down/config with a config-reported — applied, or refused with <see cref="RefuseReason"/> — and
/// publishes the firmware reports a test gives it (it downloads nothing).
/// </summary>
internal sealed class RolloutGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private readonly Channel<ConfigReport> _reported = Channel.CreateUnbounded<ConfigReport>();

    private RolloutGateway(string deviceId) => _client = new ContractDeviceClient(deviceId, OnDownAsync);

    public string DeviceId => _client.DeviceId;

    /// <summary>Set: the next configurations are refused at <c>$.settings.uploadSeconds</c> with this reason.</summary>
    public string? RefuseReason { get; set; }

    /// <summary>Reports the cloud acknowledged: with the embedded broker, stored before the PUBACK.</summary>
    public ChannelReader<ConfigReport> Reported => _reported.Reader;

    public static async Task<RolloutGateway> ConnectAsync(int port, string deviceId)
    {
        var gateway = new RolloutGateway(deviceId);
        await gateway._client.JoinAsync(port, firmware: "0.1.0-e2e", cleanStart: true, timeout: TimeSpan.FromSeconds(10));
        return gateway;
    }

    /// <summary>Publishes a firmware report (QoS 1: stored by the embedded broker's cloud before the PUBACK).</summary>
    public Task ReportFirmwareAsync(FirmwareReport report) => _client.PublishAcceptedAsync(TopicKind.FirmwareReported, JsonCodec.Encode(report));

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task OnDownAsync(TopicKind kind, byte[] payload)
    {
        if (kind != TopicKind.Config)
        {
            return Task.CompletedTask;
        }

        var config = JsonCodec.DecodeConfig(payload);
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
                await _client.PublishAcceptedAsync(TopicKind.ConfigReported, JsonCodec.Encode(report));
                _reported.Writer.TryWrite(report);
            }
            catch (Exception ex) when (ex is InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
            {
                _reported.Writer.TryComplete(ex);
            }
        });
        return Task.CompletedTask;
    }
}
