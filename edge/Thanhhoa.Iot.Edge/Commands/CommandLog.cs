using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>The command path's log messages; event ids 4000–4049 are stable.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(4000, LogLevel.Information, "Command {Id} ({Type}) received, expires {Expires:o}")]
    public static partial void Received(ILogger logger, string id, string type, DateTimeOffset expires);

    [LoggerMessage(4001, LogLevel.Information, "Command {Id} arrived again (state {State}); it runs at most once, so this copy is ignored")]
    public static partial void Duplicate(ILogger logger, string id, string state);

    [LoggerMessage(4002, LogLevel.Warning, "Command {Id} ({Type}) refused without running: {Error}: {Detail}")]
    public static partial void Refused(ILogger logger, string id, string type, string error, string detail);

    [LoggerMessage(4003, LogLevel.Information, "Command {Id} ({Type}) started")]
    public static partial void Started(ILogger logger, string id, string type);

    [LoggerMessage(4004, LogLevel.Information, "Command {Id} ({Type}) {Status}{Detail}")]
    public static partial void Finished(ILogger logger, string id, string type, string status, string detail);

    [LoggerMessage(4005, LogLevel.Warning, "A down/cmd message could not be read and has no usable id, so no result can be sent: {Reason}")]
    public static partial void Unreadable(ILogger logger, string reason);

    [LoggerMessage(4006, LogLevel.Warning, "Command {Id} ({Type}) was running when the gateway stopped; it is not run again (at most once) and is reported {Status}")]
    public static partial void Interrupted(ILogger logger, string id, string type, string status);

    [LoggerMessage(4007, LogLevel.Warning, "Result of command {Id} is {Bytes} bytes, over Commands:MaxResultBytes {Max}; reported as failed (result-too-large)")]
    public static partial void ResultTooLarge(ILogger logger, string id, int bytes, int max);

    [LoggerMessage(4008, LogLevel.Debug, "Command journal {Path}: forgot {Count} reported commands that expired before {Before:o}")]
    public static partial void Pruned(ILogger logger, string path, int count, DateTimeOffset before);

    [LoggerMessage(4009, LogLevel.Information, "Command journal {Path}: {Count} unfinished commands after the restart")]
    public static partial void Recovering(ILogger logger, string path, int count);

    [LoggerMessage(4010, LogLevel.Error, "Command {Id} could not be finished or reported; it is retried after the next start")]
    public static partial void ReportFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(4011, LogLevel.Information, "Downlink message on {Topic} has no handler on this gateway yet; ignored")]
    public static partial void DownlinkIgnored(ILogger logger, string topic);
}
