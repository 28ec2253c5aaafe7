using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>The uplink's log messages; event ids 1100–1199 are stable.</summary>
internal static partial class UplinkLog
{
    [LoggerMessage(1100, LogLevel.Information, "Uplink connecting to {Host}:{Port} as {ClientId} (session {Session}, TLS {UseTls})")]
    public static partial void Connecting(ILogger logger, string host, int port, string clientId, long session, bool useTls);

    [LoggerMessage(1101, LogLevel.Information, "Uplink connected as {ClientId}, session {Session} (broker kept session: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string clientId, long session, bool sessionPresent);

    [LoggerMessage(1102, LogLevel.Warning, "Uplink to {Host}:{Port} failed: {Reason}. Next attempt in {Delay}")]
    public static partial void ConnectionFailed(ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(1103, LogLevel.Warning, "Uplink lost its connection (session {Session}): {Reason}")]
    public static partial void ConnectionLost(ILogger logger, long session, string reason);

    [LoggerMessage(1104, LogLevel.Debug, "Delivered {Kind} seq {SeqFrom}..{SeqTo} ({Count} rows, {Bytes} bytes)")]
    public static partial void Delivered(ILogger logger, string kind, long seqFrom, long seqTo, int count, int bytes);

    [LoggerMessage(1105, LogLevel.Critical, "Broker refused {Kind} seq {SeqFrom}..{SeqTo} as payload format invalid (0x99, '{ReasonString}'); the cloud will never accept it, so the rows are dropped. Check the gateway firmware against the contract version")]
    public static partial void RejectedByBroker(ILogger logger, string kind, long seqFrom, long seqTo, string? reasonString);

    [LoggerMessage(1106, LogLevel.Critical, "Outbox row {Kind} seq {Seq} breaks the wire contract and is dropped: {Violation}")]
    public static partial void PoisonRow(ILogger logger, string kind, long seq, string violation);

    [LoggerMessage(1107, LogLevel.Warning, "Broker did not accept {Kind} seq {SeqFrom}..{SeqTo}: {ReasonCode} '{ReasonString}'. Rows kept; retrying in {Delay}")]
    public static partial void PublishRefused(ILogger logger, string kind, long seqFrom, long seqTo, string reasonCode, string? reasonString, TimeSpan delay);

    [LoggerMessage(1108, LogLevel.Information, "Uplink stopping: published offline state for session {Session} and disconnected")]
    public static partial void Goodbye(ILogger logger, long session);

    [LoggerMessage(1109, LogLevel.Warning, "Uplink could not say goodbye cleanly (session {Session}): {Reason}")]
    public static partial void GoodbyeFailed(ILogger logger, long session, string reason);

    [LoggerMessage(1110, LogLevel.Error, "Downlink handler failed for {Topic}; the message is acknowledged anyway")]
    public static partial void DownlinkFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(1111, LogLevel.Information, "Downlink message on {Topic} ({Bytes} bytes) has no handler yet; ignored")]
    public static partial void DownlinkIgnored(ILogger logger, string topic, long bytes);

    [LoggerMessage(1112, LogLevel.Error, "{Message}")]
    public static partial void SessionCounterRecovered(ILogger logger, string message);

    [LoggerMessage(1113, LogLevel.Warning, "Broker refused the subscription to {Filter}: {ResultCode}; commands will not arrive until the next connection")]
    public static partial void SubscribeRefused(ILogger logger, string filter, string resultCode);

    [LoggerMessage(1150, LogLevel.Warning, "Data budget: telemetry's share is used up; readings from {FirstSequence} wait until {Resume:u} (alarms, events and command results still go). Raise Budget:DailyBytes/MonthlyBytes or widen deadbands")]
    public static partial void TelemetryHeldForBudget(ILogger logger, long firstSequence, DateTimeOffset resume);
}
