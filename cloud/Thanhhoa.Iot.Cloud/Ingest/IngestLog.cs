namespace Thanhhoa.Iot.Cloud.Ingest;

internal static partial class IngestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Rejected a message from device {DeviceId} on '{Topic}': {Reason} at {Field}: {Detail}")]
    public static partial void Rejected(ILogger logger, string deviceId, string topic, string reason, string field, string detail);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error,
        Message = "Could not store a message from device {DeviceId} on '{Topic}'; the sender keeps it and retries. Check the data directory's disk and permissions")]
    public static partial void StoreFailed(ILogger logger, Exception error, string deviceId, string topic);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Ignored a stale or repeated {State} of device {DeviceId} for session {Session}: a newer session is already known, or this one already is {State}")]
    public static partial void StaleLinkIgnored(ILogger logger, string deviceId, string state, long session);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug,
        Message = "Nothing consumes {Kind} messages yet; acknowledged the message from device {DeviceId} without storing it")]
    public static partial void NotConsumed(ILogger logger, string deviceId, string kind);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "Device {DeviceId} is {State} (session {Session}{ReasonSuffix})")]
    public static partial void LinkChanged(ILogger logger, string deviceId, string state, long session, string reasonSuffix);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error,
        Message = "Could not record a reject of device {DeviceId}; ingest goes on")]
    public static partial void RejectLogFailed(ILogger logger, Exception error, string deviceId);
}
