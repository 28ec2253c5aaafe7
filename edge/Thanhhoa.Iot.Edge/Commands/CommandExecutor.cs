using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>
/// Runs queued commands one at a time: marks each "running" durably before its handler starts, so a
/// command the gateway was running when it stopped is never run again; bounds each by
/// Commands:ExecutionTimeout. At start it finishes what the last run left: queued commands run,
/// interrupted ones are reported, results not yet in the outbox are put there.
/// </summary>
internal sealed class CommandExecutor(
    CommandJournal journal,
    CommandReporter reporter,
    CommandQueue queue,
    CommandHandlers handlers,
    CommandReceiver receiver,
    IOptions<CommandOptions> options,
    TimeProvider time,
    ILogger<CommandExecutor> logger) : BackgroundService
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    /// <summary>Finishes what the last run left before the host goes on to start the uplink.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken).ConfigureAwait(false);
        queue.MarkRecovered();
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunGuardedAsync(id, stoppingToken).ConfigureAwait(false);
                PruneGuarded();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; what is running stays "running" and is reported as interrupted after the restart.
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        var unfinished = journal.Unfinished();
        if (unfinished.Count > 0)
        {
            CommandLog.Recovering(logger, journal.DataPath, unfinished.Count);
        }

        foreach (var entry in unfinished)
        {
            switch (entry.State)
            {
                case JournalState.Received:
                    queue.Enqueue(entry.Id);
                    break;
                case JournalState.Running:
                    var outcome = Interrupted(entry);
                    CommandLog.Interrupted(logger, entry.Id, entry.Type, outcome.Status.ToString().ToLowerInvariant());
                    await reporter.FinishAsync(entry, outcome, stoppingToken).ConfigureAwait(false);
                    break;
                default:
                    await reporter.ReportAsync(entry, stoppingToken).ConfigureAwait(false);
                    break;
            }
        }

        PruneGuarded();
    }

    private async Task RunGuardedAsync(string id, CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(id, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Journal or outbox failed (disk); the journal keeps the state, the next start reports it.
            CommandLog.ReportFailed(logger, id, ex);
        }
    }

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        if (journal.Find(id) is not { State: JournalState.Received } entry)
        {
            return;
        }

        var command = JsonCodec.DecodeCommand(entry.Command);
        var now = time.GetUtcNow();
        if (receiver.Refusal(command, now) is { } refusal)
        {
            // It waited in the queue (or across a restart) past its expiry.
            CommandLog.Refused(logger, id, command.Type, refusal.Error!, refusal.Message ?? string.Empty);
            await reporter.FinishAsync(entry, refusal, stoppingToken).ConfigureAwait(false);
            return;
        }

        var running = entry with { State = JournalState.Running };
        journal.Save(running);
        CommandLog.Started(logger, id, command.Type);
        var outcome = await ExecuteAsync(handlers.Find(command.Type)!, new CommandContext(command, now), stoppingToken).ConfigureAwait(false);
        await reporter.FinishAsync(running, outcome, stoppingToken).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> ExecuteAsync(ICommandHandler handler, CommandContext context, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.ExecutionTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            return await handler.ExecuteAsync(context, linked.Token).ConfigureAwait(false);
        }
        catch (CommandRefusedException ex)
        {
            return CommandOutcome.Failed(ex.Error, ex.Message);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            return CommandOutcome.Failed(CommandErrors.Timeout, $"ran longer than Commands:ExecutionTimeout ({options.Value.ExecutionTimeout}) and was cancelled");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CommandOutcome.Failed(CommandErrors.Error, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private CommandOutcome Interrupted(JournalEntry entry) => handlers.Find(entry.Type) is { RestartsGateway: true }
        ? CommandOutcome.Succeeded(message: $"the gateway restarted; this process started at {_startedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}")
        : CommandOutcome.Failed(CommandErrors.Interrupted,
            "the gateway stopped while the command ran; it may or may not have taken effect and is not run again (commands run at most once). Check the state and send a new command if needed.");

    private void PruneGuarded()
    {
        try
        {
            PruneDaily();
        }
        catch (Exception ex) when (ex is IOException or LiteDB.LiteException)
        {
            CommandLog.ReportFailed(logger, "(journal prune)", ex);
        }
    }

    private void PruneDaily()
    {
        var now = time.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromDays(1))
        {
            return;
        }

        _lastPrune = now;
        var before = now - options.Value.JournalRetention;
        var removed = journal.Prune(before);
        if (removed > 0)
        {
            CommandLog.Pruned(logger, journal.DataPath, removed, before);
        }
    }
}
