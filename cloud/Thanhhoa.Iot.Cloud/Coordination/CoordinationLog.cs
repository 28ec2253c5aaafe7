namespace Thanhhoa.Iot.Cloud.Coordination;

internal static partial class CoordinationLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Node {NodeId} runs singleton job {Job} for period {Period}")]
    public static partial void JobClaimed(ILogger logger, string nodeId, string job, long period);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Singleton job {Job} failed on node {NodeId}; it runs again next period")]
    public static partial void JobFailed(ILogger logger, Exception error, string job, string nodeId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Could not claim singleton job {Job} (lease store unreachable?); trying again next period")]
    public static partial void ClaimFailed(ILogger logger, Exception error, string job);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Ingest member {ClientId} stopped renewing its lease; node {NodeId} adopts its broker session so nothing queued for it is stranded")]
    public static partial void Adopting(ILogger logger, string clientId, string nodeId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Ingest member {ClientId} is back; node {NodeId} hands its broker session back")]
    public static partial void HandingBack(ILogger logger, string clientId, string nodeId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Ingest membership check failed on node {NodeId}; retrying")]
    public static partial void MembershipFailed(ILogger logger, Exception error, string nodeId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Cluster probe: node {NodeId} ran period {Period}")]
    public static partial void Probe(ILogger logger, string nodeId, long period);
}
