using System.Buffers;
using System.Globalization;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Metrics;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// The embedded broker's event handlers: who may connect, publish and subscribe, and ingest of every
/// device publish. Ingest runs inside InterceptingPublish, and MQTTnet builds the PUBACK from
/// <c>Response.ReasonCode</c> only after that handler returns (MqttConnectedClient.HandleIncomingPublishPacket
/// awaits DispatchApplicationMessage), so a gateway never holds an acknowledgement for a row that is not durable.
/// </summary>
public sealed class EmbeddedBrokerHandlers(
    IClientAuthenticator authenticator,
    IngestPipeline pipeline,
    ConnectionTracker connections,
    CloudMetrics metrics,
    ILogger<EmbeddedBroker> logger,
    IngestPace? pace = null,
    TimeProvider? time = null)
{
    private const string IdentityKey = "thiot.identity";
    private const int MaxReasonStringLength = 200;

    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.InterceptingPublishAsync += OnInterceptingPublishAsync;
        server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
    }

    private async Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var attempt = new ConnectAttempt(e.ClientId ?? string.Empty, e.UserName, e.Password, e.RemoteEndPoint?.ToString());
        var result = await authenticator.AuthenticateAsync(attempt, e.CancellationToken).ConfigureAwait(false);
        if (result.Identity is null)
        {
            BrokerLog.ConnectionRefused(logger, attempt, result.Refusal ?? "refused");
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            e.ReasonString = result.Refusal;
            return;
        }

        e.SessionItems[IdentityKey] = result.Identity;
        if (result.Identity.Role == ClientRole.Device && Hint(connections.Count + 1) is { } hint)
        {
            e.ResponseUserProperties ??= [];
            e.ResponseUserProperties.Add(hint);
        }

        // Gateways without a real-time clock learn the time here (docs/weak-link.md, "Time without an RTC").
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        e.ResponseUserProperties ??= [];
        e.ResponseUserProperties.Add(new MqttUserProperty(ContractInfo.ServerTimeProperty, System.Text.Encoding.UTF8.GetBytes(now)));
    }

    /// <summary>The drain-rate hint for each of <paramref name="gateways"/> gateways; null when ingest is unpaced.</summary>
    private MqttUserProperty? Hint(int gateways) =>
        DrainHint.For(pace?.ReadingsPerSecond ?? 0, gateways) is { } value ? new MqttUserProperty(DrainHint.PropertyName, System.Text.Encoding.UTF8.GetBytes(value).AsMemory()) : null;

    private async Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        var identity = IdentityOf(e.SessionItems);
        if (identity is null || identity.Role == ClientRole.Service)
        {
            return; // The cloud's own messages (e.g. down/ commands) are routed as usual.
        }

        var message = e.ApplicationMessage;
        var payload = message.Payload.IsSingleSegment ? message.Payload.First : message.Payload.ToArray();
        var result = await pipeline.IngestAsync(new IngestMessage(message.Topic, payload, message.ContentType, identity.ClientId), e.CancellationToken)
            .ConfigureAwait(false);

        e.Response.ReasonCode = PubAckReasons.For(result.Outcome);
        if (result.Reject is { } reject)
        {
            var text = $"{reject.Reason} at {reject.Field}: {reject.Detail}";
            e.Response.ReasonString = text.Length <= MaxReasonStringLength ? text : text[..MaxReasonStringLength];
        }

        if (Hint(connections.Count) is { } hint)
        {
            e.Response.UserProperties ??= [];
            e.Response.UserProperties.Add(hint);
        }

        if (result.BirthSession is { } session)
        {
            connections.BirthReceived(identity.ClientId, session);
        }

        // The store is the consumer of up/ messages; routing them on would only fill queues nobody reads.
        e.ProcessPublish = false;
    }

    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var identity = IdentityOf(e.SessionItems);
        var filter = e.TopicFilter.Topic;
        if (identity is null || !TopicAccessPolicy.MaySubscribe(identity, filter))
        {
            BrokerLog.SubscriptionRefused(logger, e.ClientId, filter);
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        if (IdentityOf(e.SessionItems)?.Role == ClientRole.Device)
        {
            connections.Connected(e.ClientId, e.RemoteEndPoint?.ToString() ?? string.Empty);
            metrics.ConnectedGateways.Set(connections.Count);
        }

        return Task.CompletedTask;
    }

    private async Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        // A takeover means the same device connected again; the new connection's birth decides its state.
        if (e.DisconnectType == MqttClientDisconnectType.Takeover || IdentityOf(e.SessionItems)?.Role != ClientRole.Device)
        {
            return;
        }

        var session = connections.Disconnected(e.ClientId, e.RemoteEndPoint?.ToString() ?? string.Empty);
        metrics.ConnectedGateways.Set(connections.Count);
        if (session is { } s)
        {
            var reason = e.ReasonCode is { } code ? $"disconnected ({e.DisconnectType}, {code})" : $"disconnected ({e.DisconnectType})";
            await pipeline.MarkDisconnectedAsync(e.ClientId, s, reason, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static ClientIdentity? IdentityOf(System.Collections.IDictionary items) => items[IdentityKey] as ClientIdentity;
}
