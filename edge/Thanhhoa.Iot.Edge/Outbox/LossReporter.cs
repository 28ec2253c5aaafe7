using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Tells the cloud about every sequence range the outbox dropped at its quota, as an
/// <c>outbox_dropped</c> event with values <c>from</c>, <c>to</c>, <c>count</c> (no contract change).
/// Events are never dropped and go before telemetry, so the report survives the outage that caused it.
/// The highest reported sequence is kept in a small durable file; a crash between the event and the
/// file only repeats a report, which the cloud's ledger merges.
/// </summary>
internal sealed class LossReporter(LiteDbOutbox outbox, IOptions<OutboxOptions> options, TimeProvider time, ILogger<LossReporter> logger)
    : BackgroundService
{
    /// <summary>The event code of a loss report.</summary>
    public const string EventCode = "outbox_dropped";

    private readonly string _path = Path.Combine(options.Value.DataDirectory, "loss-reported.txt");
    private readonly TimeSpan _interval = options.Value.LossReportInterval;

    /// <summary>Appends one event per dropped range not yet reported. Returns how many it appended.</summary>
    public async Task<int> ReportAsync(CancellationToken cancellationToken)
    {
        var reportedTo = LoadReportedTo();
        var appended = 0;
        foreach (var range in outbox.GetDroppedRanges().Where(r => r.Last > reportedTo))
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["from"] = range.First,
                ["to"] = range.Last,
                ["count"] = range.Count,
            };
            var message = $"outbox quota reached: dropped readings {range.First}..{range.Last}";
            var seq = await outbox.AppendEventAsync(
                new EventDraft(range.DroppedAt, EventCode, EventAction.Info, Severity.Warning, null, message, values), cancellationToken).ConfigureAwait(false);
            reportedTo = range.Last;
            DurableFile.Replace(_path, reportedTo.ToString(CultureInfo.InvariantCulture));
            OutboxLog.LossReported(logger, range.First, range.Last, range.Count, seq);
            appended++;
        }

        return appended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReportAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(_interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or OutboxWriteException or UnauthorizedAccessException)
            {
                OutboxLog.LossReportFailed(logger, ex, _path);
                await Task.Delay(_interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private long LoadReportedTo()
    {
        try
        {
            return long.TryParse(File.ReadAllText(_path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }
}
