using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>Timekeeping log messages; event ids 5100–5119 are stable.</summary>
internal static partial class TimekeepingLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Wall time is trusted now (source {Source}; the OS clock is {OffsetSeconds:F3} s from it). Rows stored before are re-anchored where they can be")]
    public static partial void Trusted(this ILogger logger, TimeSource source, double offsetSeconds);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Wall time is not trusted (sources {Sources}): rows are stored with boot id and monotonic time and are corrected once the time is known, or sent flagged unsynced. Check NTP (timedatectl) or the link to the cloud")]
    public static partial void NotTrusted(this ILogger logger, string sources);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The {Source} time differs from the trusted time by {DifferenceSeconds:F3} s, more than Timekeeping:Tolerance ({ToleranceSeconds} s); keeping {Trusted}. Check the NTP servers and the cloud's clock")]
    public static partial void SourcesDisagree(this ILogger logger, TimeSource source, double differenceSeconds, double toleranceSeconds, TimeSource trusted);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "The broker's time property '{Property}' is not an ISO-8601 UTC time: '{Value}'; ignored")]
    public static partial void ServerTimeUnreadable(this ILogger logger, string property, string value);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Re-anchored {Rows} rows stored before the time was trusted; rows of earlier boots that could not be corrected go out flagged unsynced")]
    public static partial void Reanchored(this ILogger logger, int rows);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Re-anchoring the outbox failed; rows keep their flag and are corrected when read. Retried at the next poll")]
    public static partial void ReanchorFailed(this ILogger logger, Exception exception);
}
