using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>
/// Takes a <c>down/cmd</c> message: decodes it, journals its id durably (a known id is a redelivery and
/// is ignored), refuses it at once when it is expired, not yet valid or of an unknown type, and
/// otherwise queues it for the executor. Returns quickly, so the PUBACK goes back while the command
/// runs; from then on the journal, not the broker, holds it.
/// </summary>
internal sealed class CommandReceiver(
    CommandJournal journal,
    CommandReporter reporter,
    CommandQueue queue,
    CommandHandlers handlers,
    IOptions<CommandOptions> options,
    TimeProvider time,
    ILogger<CommandReceiver> logger)
{
    public async Task ReceiveAsync(ReadOnlyMemory<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        // A result found "done" by the recovery must not be reported twice, so new commands wait for it.
        await queue.Recovered.WaitAsync(cancellationToken).ConfigureAwait(false);
        DeviceCommand command;
        try
        {
            command = PayloadCodec.DecodeCommand(contentType, payload.Span);
        }
        catch (ContractViolationException ex)
        {
            await RefuseUnreadableAsync(payload, ex, cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var entry = new JournalEntry(command.Id, command.Type, command.Expires, JournalState.Received, payload.ToArray(), null, now);
        if (!journal.TryAdd(entry))
        {
            CommandLog.Duplicate(logger, command.Id, journal.Find(command.Id)?.State.ToString() ?? "unknown");
            return;
        }

        CommandLog.Received(logger, command.Id, command.Type, command.Expires);
        if (Refusal(command, now) is { } refusal)
        {
            CommandLog.Refused(logger, command.Id, command.Type, refusal.Error!, refusal.Message ?? string.Empty);
            await reporter.FinishAsync(entry, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        queue.Enqueue(command.Id);
    }

    /// <summary>Why a command must not run at <paramref name="now"/>; null when it may.</summary>
    public CommandOutcome? Refusal(DeviceCommand command, DateTimeOffset now)
    {
        if (now >= command.Expires)
        {
            return CommandOutcome.Expired($"expired at {Format(command.Expires)}; gateway clock {Format(now)}");
        }

        if (command.NotBefore is { } notBefore && now + options.Value.ClockTolerance < notBefore)
        {
            return CommandOutcome.Failed(CommandErrors.NotYetValid,
                $"not valid before {Format(notBefore)}; gateway clock {Format(now)}. Check the gateway's time (NTP) or send it later.");
        }

        return handlers.Find(command.Type) is null
            ? CommandOutcome.Failed(CommandErrors.UnknownType, $"this gateway has no command '{command.Type}'; it knows {string.Join(", ", handlers.Types)}")
            : null;
    }

    private async Task RefuseUnreadableAsync(ReadOnlyMemory<byte> payload, ContractViolationException ex, CancellationToken cancellationToken)
    {
        if (IdOf(payload) is not { } id)
        {
            CommandLog.Unreadable(logger, ex.Message);
            return;
        }

        var now = time.GetUtcNow();
        var entry = new JournalEntry(id, "invalid", now + options.Value.JournalRetention, JournalState.Received, payload.ToArray(), null, now);
        if (!journal.TryAdd(entry))
        {
            CommandLog.Duplicate(logger, id, "invalid");
            return;
        }

        CommandLog.Refused(logger, id, "?", CommandErrors.InvalidArgs, ex.Message);
        await reporter.FinishAsync(entry, CommandOutcome.Failed(CommandErrors.InvalidArgs, $"the command breaks contract v{ContractInfo.Version}: {ex.Message}"), cancellationToken)
            .ConfigureAwait(false);
    }

    private static string? IdOf(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && ContractInfo.IsValidId(id.GetString())
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
