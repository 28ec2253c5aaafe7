using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>Checks <see cref="BudgetOptions"/> at start so a bad value stops the gateway with a readable reason.</summary>
public sealed class BudgetOptionsValidator : IValidateOptions<BudgetOptions>
{
    /// <summary>Smallest limit that still carries a day of alarms and keep-alives.</summary>
    public const long MinimumBytes = 64 * 1024;

    public ValidateOptionsResult Validate(string? name, BudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckLimit(failures, "DailyBytes", options.DailyBytes);
        CheckLimit(failures, "MonthlyBytes", options.MonthlyBytes);
        if (options.DailyBytes > 0 && options.MonthlyBytes > 0 && options.DailyBytes > options.MonthlyBytes)
        {
            failures.Add($"Budget:DailyBytes {options.DailyBytes} is above Budget:MonthlyBytes {options.MonthlyBytes}; a day cannot use more than the month.");
        }

        if (options.UtcOffset < TimeSpan.FromHours(-14) || options.UtcOffset > TimeSpan.FromHours(14))
        {
            failures.Add($"Budget:UtcOffset {options.UtcOffset} is outside -14:00..14:00; Vietnam is 07:00.");
        }

        if (options.TcpIpOverheadBytes is < 0 or > 200)
        {
            failures.Add($"Budget:TcpIpOverheadBytes {options.TcpIpOverheadBytes} is outside 0..200; remove it to use the default (52).");
        }

        if (!(options.PriorityReserve is >= 0 and < 0.9))
        {
            failures.Add($"Budget:PriorityReserve {options.PriorityReserve} is outside 0..0.9; remove it to use the default (0.1).");
        }

        CheckInterval(failures, "ReportInterval", options.ReportInterval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        CheckInterval(failures, "SparseUploadInterval", options.SparseUploadInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        CheckInterval(failures, "AggregateInterval", options.AggregateInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckLimit(List<string> failures, string key, long value)
    {
        if (value != 0 && value < MinimumBytes)
        {
            failures.Add($"Budget:{key} {value} is below {MinimumBytes} bytes (64 KiB), too little for a day of alarms and keep-alives; use 0 for no limit.");
        }
    }

    private static void CheckInterval(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Budget:{key} {value} is outside {min}..{max}; remove it to use the default.");
        }
    }
}
