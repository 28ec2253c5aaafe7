using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Injects down/ messages into the embedded MQTTnet server as the cloud's service identity, QoS 1, so
/// an offline gateway's persistent session queues them (Broker:MaxPendingMessagesPerClient, far above
/// MQTTnet's default of 250). Turns the gateways' PUBACKs of commands into "delivered", and logs a
/// queued message the server dropped (the command stays pending and is re-sent at the next birth).
/// </summary>
public sealed class EmbeddedDownlinkPublisher(
    IOptions<BrokerOptions> options,
    ICommandAcknowledgements acknowledgements,
    ILogger<EmbeddedDownlinkPublisher> logger) : IDownlinkPublisher, IEmbeddedBrokerAttachment
{
    /// <summary>User property carrying the command id on down/cmd, for matching the gateway's PUBACK.</summary>
    public const string CommandIdProperty = "thiot-cmd";

    private readonly TaskCompletionSource<MqttServer> _server = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool ReportsAcknowledgements => true;

    public void Attach(MqttServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.ClientAcknowledgedPublishPacketAsync += OnAcknowledgedAsync;
        server.ApplicationMessageEnqueuedOrDroppedAsync += OnEnqueuedOrDroppedAsync;
        _server.TrySetResult(server);
    }

    public async Task PublishAsync(DownlinkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var server = await _server.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(message.DeviceId, message.Kind))
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .WithContentType(ContractInfo.JsonContentType);
        if (message.CommandId is not null)
        {
            builder = builder.WithUserProperty(CommandIdProperty, System.Text.Encoding.UTF8.GetBytes(message.CommandId).AsMemory());
        }

        var injected = new InjectedMqttApplicationMessage(builder.Build()) { SenderClientId = options.Value.ServiceClientId };
        await server.InjectApplicationMessage(injected, cancellationToken).ConfigureAwait(false);
    }

    private Task OnAcknowledgedAsync(ClientAcknowledgedPublishPacketEventArgs e)
    {
        var packet = e.PublishPacket;
        if (e.IsCompleted && DeviceTopics.TryParse(packet.Topic, out var topic) && topic.Kind == TopicKind.Command
            && packet.UserProperties?.FirstOrDefault(p => p.Name == CommandIdProperty) is { } id)
        {
            acknowledgements.Acknowledged(topic.DeviceId, id.ReadValueAsString());
        }

        return Task.CompletedTask;
    }

    private Task OnEnqueuedOrDroppedAsync(ApplicationMessageEnqueuedEventArgs e)
    {
        if (e.IsDropped && DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) && !topic.IsUp)
        {
            CommandLog.DownlinkDropped(logger, e.ReceiverClientId, e.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
    }
}
