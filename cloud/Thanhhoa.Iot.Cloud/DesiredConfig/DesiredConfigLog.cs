namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>The desired-configuration log messages; event ids 5100–5149 are stable.</summary>
internal static partial class DesiredConfigLog
{
    [LoggerMessage(5100, LogLevel.Information, "Desired configuration revision {Version} published to {Device}")]
    public static partial void Published(ILogger logger, string device, long version);

    [LoggerMessage(5101, LogLevel.Information, "{Device} applied configuration revision {Version}")]
    public static partial void Applied(ILogger logger, string device, long version);

    [LoggerMessage(5102, LogLevel.Warning, "{Device} refused configuration revision {Version} at {Field}: {Reason}")]
    public static partial void Refused(ILogger logger, string device, long version, string field, string reason);

    [LoggerMessage(5103, LogLevel.Information, "Re-published the retained desired configuration of {Count} gateways")]
    public static partial void Republished(ILogger logger, int count);

    [LoggerMessage(5104, LogLevel.Error, "Desired configuration work failed ({Work}); it is retried at the next birth or restart")]
    public static partial void WorkFailed(ILogger logger, string work, Exception exception);
}
