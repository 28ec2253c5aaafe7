using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// Runs every <see cref="ISingletonJob"/> once per period across all nodes: time is cut into periods of
/// the job's interval (counted from the Unix epoch, so every node agrees on the numbering), and in each
/// period the node that first claims it in the <see cref="ILeaseStore"/> runs the job; the others skip.
/// A node that dies mid-run loses that period's run; the next period runs elsewhere.
/// </summary>
public sealed class SingletonJobRunner(
    IEnumerable<ISingletonJob> jobs,
    ILeaseStore leases,
    IOptions<CoordinationOptions> options,
    TimeProvider time,
    ILogger<SingletonJobRunner> logger) : BackgroundService
{
    private readonly string _nodeId = options.Value.NodeId;

    /// <summary>The period <paramref name="at"/> falls in, for a job of <paramref name="interval"/>.</summary>
    public static long PeriodOf(DateTimeOffset at, TimeSpan interval) => at.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunLoopAsync(job, stoppingToken)));

    private async Task RunLoopAsync(ISingletonJob job, CancellationToken stoppingToken)
    {
        var last = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var period = PeriodOf(time.GetUtcNow(), job.Interval);
            if (period > last && await TryClaimAsync(job, period, stoppingToken).ConfigureAwait(false))
            {
                last = period;
                await RunOnceAsync(job, period, stoppingToken).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(UntilNextPeriod(time.GetUtcNow(), job.Interval), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// From <paramref name="now"/> to the start of the next period: always in (0, interval]. Both ends come from one
    /// reading of the clock; with two, a thread paused across a period boundary between them got a negative delay,
    /// which <c>Task.Delay</c> rejects (or, at exactly -1 ms, takes as "forever"), and the job never ran again.
    /// </summary>
    internal static TimeSpan UntilNextPeriod(DateTimeOffset now, TimeSpan interval) =>
        DateTimeOffset.FromUnixTimeMilliseconds((PeriodOf(now, interval) + 1) * (long)interval.TotalMilliseconds) - now;

    private async Task<bool> TryClaimAsync(ISingletonJob job, long period, CancellationToken stoppingToken)
    {
        try
        {
            return await leases.TryClaimRunAsync(job.Name, period, _nodeId, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            CoordinationLog.ClaimFailed(logger, ex, job.Name);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunOnceAsync(ISingletonJob job, long period, CancellationToken stoppingToken)
    {
        CoordinationLog.JobClaimed(logger, _nodeId, job.Name, period);
        try
        {
            await job.RunAsync(period, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            CoordinationLog.JobFailed(logger, ex, job.Name, _nodeId);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
