namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>The cloud's command log messages; event ids 5000–5049 are stable.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(5000, LogLevel.Information, "Created {Count} {Type} commands (batch {Batch}), expiring {Expires:o}")]
    public static partial void Created(ILogger logger, int count, string type, string batch, DateTimeOffset expires);

    [LoggerMessage(5001, LogLevel.Debug, "Command {Id} for {Device}: {From} -> {To}{Detail}")]
    public static partial void Transition(ILogger logger, string id, string device, CommandState from, CommandState to, string detail);

    [LoggerMessage(5002, LogLevel.Warning, "Result of command {Id} from {Device} arrived after the command was {State}; recorded as late ({Status})")]
    public static partial void LateResult(ILogger logger, string id, string device, CommandState state, string status);

    [LoggerMessage(5003, LogLevel.Warning, "Result for unknown command {Id} from {Device}; acknowledged and dropped (was the command store reset?)")]
    public static partial void UnknownResult(ILogger logger, string id, string device);

    [LoggerMessage(5004, LogLevel.Information, "Re-sent {Count} pending commands to {Device} after its birth")]
    public static partial void Redelivered(ILogger logger, int count, string device);

    [LoggerMessage(5005, LogLevel.Information, "Expired {Count} commands without a result")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(5006, LogLevel.Warning, "The broker dropped a queued message for {Device} on {Topic} (its queue was full); a pending command is re-sent at its next birth")]
    public static partial void DownlinkDropped(ILogger logger, string device, string topic);

    [LoggerMessage(5007, LogLevel.Error, "Command work failed ({Work}); it is retried at the next sweep or birth")]
    public static partial void WorkFailed(ILogger logger, string work, Exception exception);

    [LoggerMessage(5008, LogLevel.Information, "Downlink connected to the external broker {Host}:{Port}")]
    public static partial void DownlinkConnected(ILogger logger, string host, int port);

    [LoggerMessage(5009, LogLevel.Warning, "Command {Id} for {Device} could not be handed to the broker ({Reason}); it stays pending and is re-sent at the gateway's next birth")]
    public static partial void SendFailed(ILogger logger, string id, string device, string reason);
}
