using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Publishes down/ messages to an external MQTT 5 broker (Broker:Mode = External) over a connection of
/// its own (client id <c>{External:ClientId}-downlink</c>, opened on first use and again after a loss).
/// The broker's PUBACK means it took the message; which gateway acknowledged it is not visible here, so
/// commands go from pending straight to their result. The broker's ACL must let this client publish
/// under every gateway's down/.
/// </summary>
public sealed class ExternalDownlinkPublisher(IOptions<BrokerOptions> options, ILogger<ExternalDownlinkPublisher> logger) : IDownlinkPublisher, IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly SemaphoreSlim _connect = new(1, 1);

    public bool ReportsAcknowledgements => false;

    public async Task PublishAsync(DownlinkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(message.DeviceId, message.Kind))
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .WithContentType(ContractInfo.JsonContentType)
            .Build(), cancellationToken).ConfigureAwait(false);
        if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            throw new InvalidOperationException(
                $"The broker refused {message.Kind} for '{message.DeviceId}': {result.ReasonCode} '{result.ReasonString}'. Let the cloud's downlink client publish under thiot/v1/+/down/ in the broker's ACL.");
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _connect.Dispose();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _connect.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_client.IsConnected)
            {
                var external = options.Value.External;
                var builder = new MqttClientOptionsBuilder()
                    .WithTcpServer(external.Host, external.Port)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId(IngestLanes.DownlinkClientId(external.ClientId))
                    .WithCleanStart(true)
                    .WithTimeout(TimeSpan.FromSeconds(30));
                if (!string.IsNullOrEmpty(external.Username))
                {
                    builder = builder.WithCredentials(external.Username, external.Password);
                }

                await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
                CommandLog.DownlinkConnected(logger, external.Host, external.Port);
            }
        }
        finally
        {
            _connect.Release();
        }
    }
}
