namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

internal static partial class BrokerAccessLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning,
        Message = "Broker auth refused the cloud's service login for client id {ClientId}: wrong password. Every node must have the same Broker:External:Password")]
    public static partial void ServicePasswordWrong(ILogger logger, string? clientId);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning,
        Message = "Broker auth refused the cloud's service login for client id {ClientId}: it is neither this node's ({OwnClientId}, -control, -downlink) nor a registered ingest member's of shared group '{SharedGroup}'. " +
            "A cloud node connects with its Broker:External:ClientId; check that node's ClientId and SharedGroup and that it shares this node's database (Storage:Provider=Postgres)")]
    public static partial void ServiceClientIdUnknown(ILogger logger, string? clientId, string ownClientId, string? sharedGroup);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Debug, Message = "Broker auth accepted the cloud's service login for client id {ClientId}, a registered ingest member of shared group '{SharedGroup}'")]
    public static partial void ServiceMemberAccepted(ILogger logger, string clientId, string? sharedGroup);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning,
        Message = "Could not read the ingest members of shared group '{SharedGroup}' from the lease store; broker auth keeps the last list read ({Count} members) and reads again within a second")]
    public static partial void MemberListFailed(ILogger logger, Exception error, string sharedGroup, int count);
}
