using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Commands.Logging;

/// <summary>One line kept by <see cref="RingBufferLoggerProvider"/>.</summary>
public sealed record LogLine(DateTimeOffset Timestamp, LogLevel Level, string Category, string Message)
{
    /// <summary>The line as <c>upload-logs</c> sends it: time, level, category, message.</summary>
    public override string ToString() =>
        $"{Timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {Short(Level)} {Category}: {Message}";

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRCE",
        LogLevel.Debug => "DBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "FAIL",
        _ => "CRIT",
    };
}
