namespace Thanhhoa.Iot.Cloud.Broker;

internal static partial class BrokerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address} ({Listeners})")]
    public static partial void EmbeddedStarted(ILogger logger, string address, string listeners);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Refused MQTT connection {Attempt}: {Refusal}")]
    public static partial void ConnectionRefused(ILogger logger, ConnectAttempt attempt, string refusal);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused subscription of {ClientId} to '{Filter}': a device may subscribe only to its own down/ topics")]
    public static partial void SubscriptionRefused(ILogger logger, string clientId, string filter);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Marked {Count} devices offline: the embedded broker restarted, so no gateway is connected")]
    public static partial void MarkedOfflineAtStart(ILogger logger, int count);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Ingest {Lane} lane connected to external MQTT broker {Host}:{Port} as {ClientId}; subscribed to '{Filter}' (session present: {SessionPresent})")]
    public static partial void ExternalConnected(ILogger logger, string lane, string host, int port, string clientId, string filter, bool sessionPresent);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Ingest {Lane} lane cannot reach or subscribe at external MQTT broker {Host}:{Port}; retrying in {Delay}. Check Broker:External settings, the broker's ACL and that the broker runs")]
    public static partial void ExternalConnectFailed(ILogger logger, Exception? error, string lane, string host, int port, TimeSpan delay);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Storing a message from the external broker ({Lane} lane) failed; reconnecting so the broker redelivers it")]
    public static partial void ExternalStoreFailed(ILogger logger, string lane);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Ingest {Lane} lane lost the external MQTT broker connection: {Reason}")]
    public static partial void ExternalDisconnected(ILogger logger, string lane, string reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Session {ClientId} predates the ingest lanes: dropped its subscription '{Filter}'; what it had queued is ingested now, control messages arrive on the control lane from here on")]
    public static partial void LegacySubscriptionDropped(ILogger logger, string clientId, string filter);
}
