using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// Asks the time sources every poll interval and, each time the wall time becomes trusted, has the
/// outbox re-anchor the rows of this boot stored before (so they keep their corrected time even if the
/// gateway reboots before they are sent).
/// </summary>
internal sealed class ClockTrustMonitor(
    IClockTrust clock,
    IOutbox outbox,
    IOptions<TimekeepingOptions> options,
    TimeProvider time,
    ILogger<ClockTrustMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reanchoredEpoch = -1L;
        while (!stoppingToken.IsCancellationRequested)
        {
            clock.Refresh();
            var epoch = clock.TrustEpoch;
            if (clock.IsTrusted && epoch != reanchoredEpoch && await TryReanchorAsync(stoppingToken).ConfigureAwait(false))
            {
                reanchoredEpoch = epoch;
            }

            try
            {
                await WaitAsync(epoch, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> TryReanchorAsync(CancellationToken stoppingToken)
    {
        try
        {
            var rows = await outbox.ReanchorAsync(stoppingToken).ConfigureAwait(false);
            if (rows > 0)
            {
                logger.Reanchored(rows);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.ReanchorFailed(e);
            return false;
        }
    }

    private async Task WaitAsync(long epoch, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var due = Task.Delay(options.Value.PollInterval, time, either.Token);
        var trusted = clock.WaitForTrustAsync(epoch, either.Token);
        await Task.WhenAny(due, trusted).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }
}
