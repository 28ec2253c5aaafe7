using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>
/// Finishes a command: the encoded result goes into the journal first ("done"), then into the outbox's
/// priority lane, then the journal says "reported". A crash between the steps repeats only the later
/// ones, so a result is never lost and the command never runs again.
/// </summary>
internal sealed class CommandReporter(CommandJournal journal, IOutbox outbox, IOptions<CommandOptions> options, TimeProvider time, ILogger<CommandReporter> logger)
{
    public async Task FinishAsync(JournalEntry entry, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        var done = entry with { State = JournalState.Done, Result = Encode(entry.Id, outcome) };
        journal.Save(done);
        CommandLog.Finished(logger, entry.Id, entry.Type, outcome.Status.ToString().ToLowerInvariant(),
            outcome.Error is null ? string.Empty : $": {outcome.Error}: {outcome.Message}");
        await ReportAsync(done, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts a done entry's result into the outbox and marks it reported.</summary>
    public async Task ReportAsync(JournalEntry done, CancellationToken cancellationToken)
    {
        await outbox.AppendMessageAsync(new OutboxMessage(TopicKind.CommandResult, done.Result!), cancellationToken).ConfigureAwait(false);
        journal.Save(done with { State = JournalState.Reported });
    }

    private byte[] Encode(string id, CommandOutcome outcome)
    {
        var payload = JsonCodec.Encode(Result(id, outcome));
        var max = options.Value.MaxResultBytes;
        if (payload.Length <= max)
        {
            return payload;
        }

        CommandLog.ResultTooLarge(logger, id, payload.Length, max);
        var failed = CommandOutcome.Failed(CommandErrors.ResultTooLarge,
            $"the result is {payload.Length} bytes; Commands:MaxResultBytes allows {max}. Ask for less (e.g. fewer log lines).");
        return JsonCodec.Encode(Result(id, failed));
    }

    private CommandResult Result(string id, CommandOutcome outcome) => new()
    {
        Version = ContractInfo.Version,
        Id = id,
        Status = outcome.Status,
        Timestamp = time.GetUtcNow(),
        Result = outcome.Result,
        Error = outcome.Status == CommandStatus.Succeeded ? null : outcome.Error ?? CommandErrors.Error,
        Message = Shorten(outcome.Message),
    };

    private static string? Shorten(string? text) => text is { Length: > 500 } ? text[..497] + "..." : text;
}
