using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Tells the cloud about every sequence range the outbox dropped at its quota, as an
/// <c>outbox_dropped</c> event with values <c>from</c>, <c>to</c>, <c>count</c> (no contract change), and
/// every range it replaced by aggregates, as an <c>outbox_downsampled</c> event with the same values
/// (there <c>count</c> may be below <c>to - from + 1</c>: events inside the range were kept).
/// Events are never dropped and go before telemetry, so the report survives the outage that caused it.
/// The highest reported sequence of each kind is kept in a small durable file; a crash between the event and the
/// file only repeats a report, which the cloud's ledger merges.
/// </summary>
internal sealed class LossReporter(LiteDbOutbox outbox, IOptions<OutboxOptions> options, TimeProvider time, ILogger<LossReporter> logger)
    : BackgroundService
{
    /// <summary>The event code of a loss report.</summary>
    public const string EventCode = "outbox_dropped";

    /// <summary>The event code of a report of readings replaced by aggregates.</summary>
    public const string DownsampledEventCode = "outbox_downsampled";

    private readonly string _path = Path.Combine(options.Value.DataDirectory, "loss-reported.txt");
    private readonly string _downsampledPath = Path.Combine(options.Value.DataDirectory, "downsample-reported.txt");
    private readonly TimeSpan _interval = options.Value.LossReportInterval;

    /// <summary>Appends one event per dropped or downsampled range not yet reported. Returns how many it appended.</summary>
    public async Task<int> ReportAsync(CancellationToken cancellationToken)
    {
        var appended = 0;
        var reportedTo = LoadReportedTo(_path);
        foreach (var range in outbox.GetDroppedRanges().Where(r => r.Last > reportedTo))
        {
            var message = $"outbox quota reached: dropped readings {range.First}..{range.Last}";
            var seq = await AppendAsync(EventCode, range.First, range.Last, range.Count, range.DroppedAt, message, cancellationToken).ConfigureAwait(false);
            reportedTo = range.Last;
            DurableFile.Replace(_path, reportedTo.ToString(CultureInfo.InvariantCulture));
            OutboxLog.LossReported(logger, range.First, range.Last, range.Count, seq);
            appended++;
        }

        var downsampledTo = LoadReportedTo(_downsampledPath);
        foreach (var range in outbox.GetDownsampledRanges().Where(r => r.Last > downsampledTo))
        {
            var message = $"outbox quota reached: readings {range.First}..{range.Last} replaced by aggregates";
            var seq = await AppendAsync(DownsampledEventCode, range.First, range.Last, range.Count, range.At, message, cancellationToken).ConfigureAwait(false);
            downsampledTo = range.Last;
            DurableFile.Replace(_downsampledPath, downsampledTo.ToString(CultureInfo.InvariantCulture));
            OutboxLog.DownsampleReported(logger, range.First, range.Last, range.Count, seq);
            appended++;
        }

        return appended;
    }

    private ValueTask<long> AppendAsync(string code, long from, long to, long count, DateTimeOffset at, string message, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["from"] = from,
            ["to"] = to,
            ["count"] = count,
        };
        return outbox.AppendEventAsync(new EventDraft(at, code, EventAction.Info, Severity.Warning, null, message, values), cancellationToken);
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

    private static long LoadReportedTo(string path)
    {
        try
        {
            return long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
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
