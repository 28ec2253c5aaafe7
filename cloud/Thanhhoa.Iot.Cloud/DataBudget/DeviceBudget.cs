namespace Thanhhoa.Iot.Cloud.DataBudget;

/// <summary>
/// A gateway's data budget as it last reported it (event <c>data_budget</c>). Limits of 0 mean no
/// limit; remaining is null then.
/// </summary>
public sealed record DeviceBudget(
    string DeviceId,
    DateTimeOffset ReportedAt,
    string Level,
    long UsedToday,
    long DailyBytes,
    long? RemainingToday,
    long UsedThisMonth,
    long MonthlyBytes,
    long? RemainingThisMonth);
