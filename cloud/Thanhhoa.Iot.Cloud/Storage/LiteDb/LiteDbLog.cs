namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

internal static partial class LiteDbLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "{File}: converting {Remaining} of {Total} readings from one document each to hour blocks in the background, beside live ingest; until a reading is converted, queries do not show it (safe to interrupt, it resumes)")]
    public static partial void ConversionStarted(ILogger logger, string file, long remaining, long total);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "{File}: converted {Converted} of {Total} readings to blocks ({Percent}%)")]
    public static partial void ConversionProgress(ILogger logger, string file, long converted, long total, int percent);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "{File}: converted {Converted} readings into {Blocks} blocks in {Seconds:F1} s ({Duplicates} duplicates dropped); the old readings collection was dropped")]
    public static partial void ConversionFinished(ILogger logger, string file, long converted, long blocks, long duplicates, double seconds);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "{File}: the conversion of old readings to blocks paused as the cloud stops; it resumes where it stopped at the next start")]
    public static partial void ConversionPaused(ILogger logger, string file);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error,
        Message = "{File}: the conversion of old readings to blocks failed; readings not yet converted stay in the old collection, not visible to queries. Restart the cloud to retry from where it stopped; if it fails again, restore the backup and report this error")]
    public static partial void ConversionFailed(ILogger logger, Exception error, string file);
}
