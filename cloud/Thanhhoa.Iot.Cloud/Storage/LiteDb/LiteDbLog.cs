namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

internal static partial class LiteDbLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "{File}: converting {Remaining} of {Total} readings from one document each to hour blocks; the store opens when done (safe to interrupt, it resumes)")]
    public static partial void ConversionStarted(ILogger logger, string file, long remaining, long total);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "{File}: converted {Converted} of {Total} readings to blocks ({Percent}%)")]
    public static partial void ConversionProgress(ILogger logger, string file, long converted, long total, int percent);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "{File}: converted {Converted} readings into {Blocks} blocks in {Seconds:F1} s ({Duplicates} duplicates dropped); the old readings collection was dropped")]
    public static partial void ConversionFinished(ILogger logger, string file, long converted, long blocks, long duplicates, double seconds);
}
