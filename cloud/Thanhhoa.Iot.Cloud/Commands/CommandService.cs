using System.Text.Json;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// The command lifecycle: creates commands (validated by <see cref="CommandRequestValidator"/>), publishes
/// them to the gateways' down/cmd, records acknowledgements as delivered and results as final (a late
/// result is kept and flagged), cancels pending ones, re-sends pending ones when a gateway is born again,
/// and expires the rest. Every change is stored before anyone is told of it.
/// </summary>
public sealed class CommandService(
    ICommandStore store,
    IDownlinkPublisher publisher,
    CommandRequestValidator validator,
    IEnumerable<ICommandObserver> observers,
    TimeProvider time,
    ILogger<CommandService> logger)
{
    private const int PublishParallelism = 16;
    private readonly IReadOnlyList<ICommandObserver> _observers = observers.ToList();

    /// <summary>Creates and sends the commands; returns the validation errors instead when the request is not valid.</summary>
    public async Task<(CreatedCommands? Created, Dictionary<string, string[]>? Errors)> CreateAsync(CreateCommandRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (devices, errors) = await validator.ValidateAsync(request, now, cancellationToken).ConfigureAwait(false);
        if (errors is not null)
        {
            return (null, errors);
        }

        var batch = "b-" + Guid.CreateVersion7(now).ToString("n");
        var due = request.NotBefore is null || request.NotBefore <= now;
        var commands = devices!.Select(d => new CommandRecord
        {
            Id = "c-" + Guid.CreateVersion7(now).ToString("n"),
            DeviceId = d,
            Type = request.Type!,
            Arguments = request.Args is { ValueKind: JsonValueKind.Object } args ? args.Clone() : null,
            BatchId = batch,
            CreatedAt = now,
            NotBefore = request.NotBefore?.ToUniversalTime(),
            Expires = request.Expires!.Value.ToUniversalTime(),

            // Stored as sent before it is sent (one write, not two): if sending fails, it is still pending and re-sent at the birth.
            PublishedAt = due ? now : null,
            Publishes = due ? 1 : 0,
        }).ToList();
        await store.InsertAsync(commands, cancellationToken).ConfigureAwait(false);
        commands.ForEach(c => Notify(null, c));
        CommandLog.Created(logger, commands.Count, request.Type!, batch, commands[0].Expires);
        if (due)
        {
            await SendAsync(commands, cancellationToken).ConfigureAwait(false);
        }

        return (new CreatedCommands(batch, commands), null);
    }

    public Task<CommandRecord?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<CommandRecord>> QueryAsync(CommandQuery query, CancellationToken cancellationToken) => store.QueryAsync(query, cancellationToken);

    public async Task<(CancelOutcome Outcome, CommandRecord? Command)> CancelAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (before, after) = await store.UpdateAsync(id, c => c.Status == CommandState.Pending
            ? c with { Status = CommandState.Cancelled, CompletedAt = now }
            : null, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return (CancelOutcome.NotFound, null);
        }

        if (after is null)
        {
            return (CancelOutcome.TooLate, before);
        }

        Notify(before, after);
        return (CancelOutcome.Cancelled, after);
    }

    /// <summary>Records a gateway's result. The first result of a command counts; a later copy is a duplicate.</summary>
    public async Task<IngestOutcome> RecordResultAsync(string deviceId, CommandResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow();
        var (before, after) = await store.UpdateAsync(result.Id, c => WithResult(c, deviceId, result, now), cancellationToken).ConfigureAwait(false);
        if (before is null || before.DeviceId != deviceId)
        {
            CommandLog.UnknownResult(logger, result.Id, deviceId);
            return IngestOutcome.Ignored;
        }

        if (after is null)
        {
            return IngestOutcome.Duplicate;
        }

        if (after.Late)
        {
            CommandLog.LateResult(logger, after.Id, deviceId, after.Status, result.Status.ToString());
        }

        Notify(before, after);
        return IngestOutcome.Stored;
    }

    /// <summary>Moves acknowledged commands to delivered (one transaction for all).</summary>
    public async Task MarkDeliveredAsync(IReadOnlyList<(string DeviceId, string Id)> acknowledged, CancellationToken cancellationToken)
    {
        var changed = await store.MarkDeliveredAsync(acknowledged, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        foreach (var (before, after) in changed)
        {
            Notify(before, after);
        }
    }

    /// <summary>Re-sends a device's pending, due, unexpired commands (its birth arrived; its broker session may be new).</summary>
    public async Task RedeliverAsync(string deviceId, CancellationToken cancellationToken)
    {
        var pending = await store.ListDeliverableAsync(deviceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            await PublishAsync(pending, cancellationToken).ConfigureAwait(false);
            CommandLog.Redelivered(logger, pending.Count, deviceId);
        }
    }

    /// <summary>Expires what is past its expiry and sends scheduled commands whose time came.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = await store.ExpireDueAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var after in expired)
        {
            Notify(after with { Status = CommandState.Pending }, after);
        }

        if (expired.Count > 0)
        {
            CommandLog.Expired(logger, expired.Count);
        }

        var due = await store.ListDueUnpublishedAsync(now, cancellationToken).ConfigureAwait(false);
        await PublishAsync(due, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<CommandRecord>> PublishAsync(IReadOnlyList<CommandRecord> commands, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            return [];
        }

        // Counted before the send: a fast gateway's result must never be visible before the publish that caused it.
        // A failed send is logged and still counted, as before; the birth's re-send retries it.
        var marked = await store.MarkPublishedAsync(commands.Select(c => c.Id).ToList(), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await SendAsync(commands, cancellationToken).ConfigureAwait(false);
        return marked;
    }

    private async Task SendAsync(IReadOnlyList<CommandRecord> commands, CancellationToken cancellationToken)
    {
        // Injections into different gateways' sessions are independent; a burst to a whole site goes out in parallel.
        await Parallel.ForEachAsync(commands, new ParallelOptions { MaxDegreeOfParallelism = PublishParallelism, CancellationToken = cancellationToken },
            async (c, ct) => await SendOneAsync(c, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    private async Task SendOneAsync(CommandRecord c, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishAsync(new DownlinkMessage(c.DeviceId, TopicKind.Command, Encode(c), Retain: false, c.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Stored as pending already: the broker being away must not lose it nor fail the operator's request.
            CommandLog.SendFailed(logger, c.Id, c.DeviceId, ex.Message);
        }
    }

    private static byte[] Encode(CommandRecord c) => JsonCodec.Encode(new DeviceCommand
    {
        Version = ContractInfo.Version,
        Id = c.Id,
        Type = c.Type,
        Arguments = c.Arguments?.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        Timestamp = c.CreatedAt,
        NotBefore = c.NotBefore,
        Expires = c.Expires,
    });

    private static CommandRecord? WithResult(CommandRecord c, string deviceId, CommandResult r, DateTimeOffset now)
    {
        if (c.DeviceId != deviceId || c.ResultReceivedAt is not null)
        {
            return null;
        }

        var recorded = c with
        {
            ResultStatus = r.Status,
            Result = r.Result is null ? null : JsonSerializer.SerializeToElement(r.Result, CommandJson.Default.IReadOnlyDictionaryStringJsonElement),
            Error = r.Error,
            Message = r.Message,
            ResultAt = r.Timestamp,
            ResultReceivedAt = now,
            DeliveredAt = c.DeliveredAt ?? now,
        };
        return c.IsFinal
            ? recorded with { Late = r.Status != CommandStatus.Expired }
            : recorded with { Status = Final(r.Status), CompletedAt = now };
    }

    private static CommandState Final(CommandStatus status) => status switch
    {
        CommandStatus.Succeeded => CommandState.Succeeded,
        CommandStatus.Expired => CommandState.Expired,
        _ => CommandState.Failed,
    };

    private void Notify(CommandRecord? before, CommandRecord after)
    {
        if (before is not null && before.Status != after.Status)
        {
            CommandLog.Transition(logger, after.Id, after.DeviceId, before.Status, after.Status, after.Error is null ? string.Empty : $" ({after.Error})");
        }

        foreach (var observer in _observers)
        {
            observer.Changed(before, after);
        }
    }
}
