using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>The desired-configuration path's log messages; event ids 4100–4149 are stable.</summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(4100, LogLevel.Information, "Desired configuration version {Version} applied")]
    public static partial void Applied(ILogger logger, long version);

    [LoggerMessage(4101, LogLevel.Warning, "Desired configuration version {Version} refused at {Field}: {Reason}. Version {InForce} stays in force")]
    public static partial void Refused(ILogger logger, long version, string field, string reason, string inForce);

    [LoggerMessage(4102, LogLevel.Information, "Desired configuration version {Version} restored from {Path}")]
    public static partial void Restored(ILogger logger, long version, string path);

    [LoggerMessage(4103, LogLevel.Warning, "The stored desired configuration at {Path} no longer fits this gateway ({Reason}); the site profile is in force until the cloud sends a fitting one")]
    public static partial void RestoreRefused(ILogger logger, string path, string reason);

    [LoggerMessage(4104, LogLevel.Warning, "A down/config message could not be read and names no version, so no report can be sent: {Reason}")]
    public static partial void Unreadable(ILogger logger, string reason);

    [LoggerMessage(4105, LogLevel.Debug, "Desired configuration version {Version} arrived again; already answered")]
    public static partial void AlreadyAnswered(ILogger logger, long version);
}
