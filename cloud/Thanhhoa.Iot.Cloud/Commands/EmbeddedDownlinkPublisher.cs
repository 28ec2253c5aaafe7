using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Puts down/ messages into the gateway's own session on the embedded MQTTnet server, QoS 1, so an
/// offline gateway's persistent session queues them (Broker:MaxPendingMessagesPerClient, far above
/// MQTTnet's default of 250); down/config is also kept as the retained message of its topic. Turns the gateways' PUBACKs of commands into "delivered", and logs a
/// queued message the server dropped (the command stays pending and is re-sent at the next birth).
/// </summary>
public sealed class EmbeddedDownlinkPublisher(
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

        var application = builder.Build();
        if (message.Retain)
        {
            // Kept for the gateway's next subscription (the embedded broker holds retained messages in memory).
            await server.UpdateRetainedMessageAsync(application).ConfigureAwait(false);
        }

        // Straight into the gateway's own session: the server's general dispatch would test every session's
        // subscriptions for every message (O(gateways) each), which dominates a burst to thousands of gateways.
        var session = await SessionOf(server, message.DeviceId).ConfigureAwait(false);
        if (session is null)
        {
            return; // no session to queue in: a pending command is re-sent at the gateway's birth
        }

        if (!session.TryEnqueueApplicationMessage(application, out _))
        {
            CommandLog.DownlinkDropped(logger, message.DeviceId, application.Topic);
        }
    }

    private static async Task<MqttSessionStatus?> SessionOf(MqttServer server, string deviceId)
    {
        try
        {
            return await server.GetSessionAsync(deviceId).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null; // MQTTnet's way of saying there is no session with this id
        }
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
