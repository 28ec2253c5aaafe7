using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>
/// Tells the cloud what the data budget has used and what is left, as an event <c>data_budget</c>
/// (no contract change) every <c>Budget:ReportInterval</c> and whenever the level changes (checked
/// every minute). Values: <c>used_today</c>, <c>daily_bytes</c>, <c>used_month</c>, <c>monthly_bytes</c>,
/// <c>remaining_today</c>, <c>remaining_month</c> (-1 = no limit), <c>level</c> (0 normal .. 4 exhausted).
/// </summary>
internal sealed class BudgetReporter(DataBudget budget, IOutbox outbox, TimeProvider time, ILogger<BudgetReporter> logger) : BackgroundService
{
    /// <summary>The event code of a budget report.</summary>
    public const string EventCode = "data_budget";

    private static readonly TimeSpan Check = TimeSpan.FromMinutes(1);
    private BudgetLevel? _reportedLevel;
    private DateTimeOffset _reportedAt = DateTimeOffset.MinValue;

    /// <summary>Appends a report when one is due; returns its sequence number or null.</summary>
    public async Task<long?> ReportIfDueAsync(CancellationToken cancellationToken)
    {
        var usage = budget.Usage();
        if (usage.Level == _reportedLevel && usage.At - _reportedAt < budget.Options.ReportInterval)
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["used_today"] = usage.UsedToday,
            ["daily_bytes"] = usage.DailyBytes,
            ["used_month"] = usage.UsedThisMonth,
            ["monthly_bytes"] = usage.MonthlyBytes,
            ["remaining_today"] = usage.DailyBytes == 0 ? -1 : usage.RemainingToday,
            ["remaining_month"] = usage.MonthlyBytes == 0 ? -1 : usage.RemainingThisMonth,
            ["level"] = (int)usage.Level,
        };
        var severity = usage.Level >= BudgetLevel.Exhausted ? Severity.Warning : Severity.Info;
        var message = $"data budget {usage.Level.ToString().ToLowerInvariant()}: {usage.UsedToday} B today, {usage.UsedThisMonth} B this month";
        var seq = await outbox.AppendEventAsync(new EventDraft(usage.At, EventCode, EventAction.Info, severity, null, message, values), cancellationToken).ConfigureAwait(false);
        if (usage.Level != _reportedLevel)
        {
            BudgetLog.LevelChanged(logger, usage.Level, usage.UsedToday, usage.DailyBytes, usage.UsedThisMonth, usage.MonthlyBytes);
        }

        _reportedLevel = usage.Level;
        _reportedAt = usage.At;
        return seq;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReportIfDueAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Check, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or OutboxWriteException)
            {
                BudgetLog.ReportFailed(logger, ex);
                await Task.Delay(Check, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
