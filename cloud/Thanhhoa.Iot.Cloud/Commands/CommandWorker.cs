using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// The command service's background work. Broker callbacks (a gateway acknowledged a command, a gateway's
/// birth arrived) only enqueue into <see cref="CommandWorkQueue"/> and return; this worker records acknowledgements in batches (one
/// transaction per batch, however many gateways answer at once) and re-sends pending commands after a
/// birth. A periodic sweep on the TimeProvider expires commands and sends scheduled ones; the sweep is
/// one idempotent database operation, so it could later run on one node under a database lease.
/// </summary>
public sealed class CommandWorker(
    CommandService commands, CommandWorkQueue queue, IOptions<CloudCommandOptions> options, TimeProvider time, ILogger<CommandWorker> logger)
    : BackgroundService
{
    private const int MaxBatch = 2048;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SweepLoopAsync(stoppingToken), WorkLoopAsync(stoppingToken));

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            do
            {
                await GuardedAsync("expiry sweep", () => commands.SweepAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WorkLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string DeviceId, string? CommandId)>();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await ProcessAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; births are re-sent at the next birth, acknowledgements end in a result anyway.
        }
    }

    private async Task ProcessAsync(List<(string DeviceId, string? CommandId)> batch, CancellationToken stoppingToken)
    {
        var acks = batch.Where(b => b.CommandId is not null).Select(b => (b.DeviceId, b.CommandId!)).ToList();
        if (acks.Count > 0)
        {
            await GuardedAsync("delivered", () => commands.MarkDeliveredAsync(acks, stoppingToken), stoppingToken).ConfigureAwait(false);
        }

        foreach (var device in batch.Where(b => b.CommandId is null).Select(b => b.DeviceId).Distinct(StringComparer.Ordinal))
        {
            await GuardedAsync($"re-send to {device}", () => commands.RedeliverAsync(device, stoppingToken), stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task GuardedAsync(string work, Func<Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            CommandLog.WorkFailed(logger, work, ex);
        }
    }
}
