using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>Data budget log messages; event ids 3150–3159.</summary>
internal static partial class BudgetLog
{
    [LoggerMessage(EventId = 3150, Level = LogLevel.Information, Message = "Data budget level {Level}: {UsedToday} of {DailyBytes} bytes today, {UsedMonth} of {MonthlyBytes} bytes this month (0 = no limit)")]
    public static partial void LevelChanged(ILogger logger, BudgetLevel level, long usedToday, long dailyBytes, long usedMonth, long monthlyBytes);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Warning, Message = "Could not report the data budget to the cloud; retrying in a minute")]
    public static partial void ReportFailed(ILogger logger, Exception exception);
}
