using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Diagnostics;

/// <summary>Log messages of the status writer and the watchdog; event ids 1700–1799 are stable.</summary>
internal static partial class DiagnosticsLog
{
    [LoggerMessage(1700, LogLevel.Warning, "Could not write the status file {Path}: {Reason}. thgw status will call the service stale until this is fixed")]
    public static partial void StatusWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(1701, LogLevel.Information, "Status file {Path} is written again")]
    public static partial void StatusWriteRecovered(ILogger logger, string path);

    [LoggerMessage(1710, LogLevel.Information, "systemd watchdog on: interval {Interval}, pinging every {Period}")]
    public static partial void WatchdogOn(ILogger logger, TimeSpan interval, TimeSpan period);

    [LoggerMessage(1711, LogLevel.Debug, "systemd watchdog off (WATCHDOG_USEC or NOTIFY_SOCKET not set for this process)")]
    public static partial void WatchdogOff(ILogger logger);

    [LoggerMessage(1712, LogLevel.Critical, "Gateway is not healthy ({Reason}); no more watchdog pings, so systemd will restart the service")]
    public static partial void WatchdogWithheld(ILogger logger, string reason);

    [LoggerMessage(1713, LogLevel.Warning, "Could not ping the systemd watchdog: {Reason}")]
    public static partial void WatchdogPingFailed(ILogger logger, string reason);
}
