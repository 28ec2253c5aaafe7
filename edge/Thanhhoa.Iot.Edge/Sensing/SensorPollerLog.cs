using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>The poller's log messages; event ids 1200–1249 are stable.</summary>
internal static partial class SensorPollerLog
{
    [LoggerMessage(1200, LogLevel.Information, "Polling {Count} channels every {Tick} (base tick)")]
    public static partial void Started(ILogger logger, int count, TimeSpan tick);

    [LoggerMessage(1201, LogLevel.Warning, "No sensor channels are registered; nothing will be polled. Enable the simulated site or configure the site's drivers")]
    public static partial void NoChannels(ILogger logger);

    [LoggerMessage(1202, LogLevel.Warning, "Channel {Channel} failed to read; recorded as bad quality")]
    public static partial void ReadFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(1203, LogLevel.Warning, "Channel {Channel} did not answer within {Timeout}; recorded as bad quality")]
    public static partial void ReadTimedOut(ILogger logger, string channel, TimeSpan timeout);

    [LoggerMessage(1204, LogLevel.Warning, "Channel {Channel} is still stuck in an earlier read; recorded as bad quality without reading again")]
    public static partial void StillBusy(ILogger logger, string channel);

    [LoggerMessage(1205, LogLevel.Warning, "Channel {Channel} returned a non-finite value ({Value}); recorded as bad quality")]
    public static partial void NotFinite(ILogger logger, string channel, double value);

    [LoggerMessage(1206, LogLevel.Error, "The reading sink refused {Count} readings; they are lost. Check the outbox (disk full or failing?)")]
    public static partial void SinkFailed(ILogger logger, int count, Exception exception);
}
