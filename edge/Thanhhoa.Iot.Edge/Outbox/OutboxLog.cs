using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Outbox log messages; event ids 3100–3119 are the outbox's.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Outbox opened at {Storage}: last sequence {LastSequence}, {PendingReadings} readings and {PendingEvents} events pending, {UsedBytes} of {QuotaBytes} bytes used")]
    public static partial void Opened(this ILogger logger, string storage, long lastSequence, long pendingReadings, long pendingEvents, long usedBytes, long quotaBytes);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Outbox quota of {QuotaBytes} bytes reached at {Storage}: dropped the {Dropped} oldest readings (sequences {FirstSequence}..{LastSequence}) to keep the newest telemetry. The uplink is not keeping up; check the link or raise Outbox:QuotaBytes")]
    public static partial void QuotaReached(this ILogger logger, long quotaBytes, string storage, int dropped, long firstSequence, long lastSequence);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Outbox at {Storage} is over its quota of {QuotaBytes} bytes with no telemetry left to drop ({PendingEvents} events pending); events are never dropped, so the outbox keeps growing until the uplink drains it")]
    public static partial void OverQuotaWithEventsOnly(this ILogger logger, string storage, long quotaBytes, long pendingEvents);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Outbox could not store {Requests} requests durably at {Storage}; they were failed, rows stored before are kept. Check free disk space and the SD card")]
    public static partial void WriteFailed(this ILogger logger, Exception exception, int requests, string storage);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Outbox could not reopen {Storage} after a storage fault; the next write retries")]
    public static partial void ReopenFailed(this ILogger logger, Exception exception, string storage);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Outbox reopened {Storage} after a storage fault: last sequence on disk {LastSequence}")]
    public static partial void Reopened(this ILogger logger, string storage, long lastSequence);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Reported dropped readings {FirstSequence}..{LastSequence} ({Count}) to the cloud as event {EventSequence} (outbox_dropped)")]
    public static partial void LossReported(ILogger logger, long firstSequence, long lastSequence, long count, long eventSequence);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Could not report dropped readings to the cloud (state file {Path}); retrying at the next interval. Check free disk space and permissions of Outbox:DataDirectory")]
    public static partial void LossReportFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Outbox quota of {QuotaBytes} bytes reached at {Storage}: replaced {Replaced} old readings by {Rows} aggregate rows (min/max/avg/count per channel and interval). The uplink is not keeping up; check the link or raise Outbox:QuotaBytes")]
    public static partial void Downsampled(this ILogger logger, long quotaBytes, string storage, long replaced, int rows);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "Reported readings {FirstSequence}..{LastSequence} ({Count}) replaced by aggregates to the cloud as event {EventSequence} (outbox_downsampled)")]
    public static partial void DownsampleReported(ILogger logger, long firstSequence, long lastSequence, long count, long eventSequence);
}
