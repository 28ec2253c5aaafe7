namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>What the data budget has used of its current day and month.</summary>
public sealed record BudgetUsage(
    DateTimeOffset At, long UsedToday, long DailyBytes, long UsedThisMonth, long MonthlyBytes, BudgetLevel Level)
{
    /// <summary>Bytes left today; <see cref="long.MaxValue"/> without a daily limit.</summary>
    public long RemainingToday => DailyBytes == 0 ? long.MaxValue : Math.Max(0, DailyBytes - UsedToday);

    /// <summary>Bytes left this month; <see cref="long.MaxValue"/> without a monthly limit.</summary>
    public long RemainingThisMonth => MonthlyBytes == 0 ? long.MaxValue : Math.Max(0, MonthlyBytes - UsedThisMonth);
}
