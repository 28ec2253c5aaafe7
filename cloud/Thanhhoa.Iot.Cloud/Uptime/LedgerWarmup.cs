using System.Diagnostics;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Loads every gateway's history into memory after start, so the first page load does not wait on thousands of queries.</summary>
public sealed partial class LedgerWarmup(DeviceHistoryCache histories, ILogger<LedgerWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await histories.WarmAsync().WaitAsync(stoppingToken).ConfigureAwait(false);
            Warmed(logger, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarmFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Uptime ledger loaded the gateways' histories in {Seconds:0.0} s")]
    private static partial void Warmed(ILogger logger, double seconds);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error,
        Message = "Uptime ledger could not load the gateways' histories at start; each is loaded on first use instead (slower first page load)")]
    private static partial void WarmFailed(ILogger logger, Exception error);
}
