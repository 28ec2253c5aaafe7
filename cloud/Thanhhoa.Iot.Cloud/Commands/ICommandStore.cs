namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Commands and their lifecycle. Every write is durable when its task completes.</summary>
public interface ICommandStore
{
    Task InsertAsync(IReadOnlyList<CommandRecord> commands, CancellationToken cancellationToken);

    Task<CommandRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CommandRecord>> QueryAsync(CommandQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Reads, changes and writes one command in one transaction. <paramref name="change"/> returns the new
    /// record, or null to leave it as it is. Returns (before, after); after is null when nothing changed,
    /// before is null when the id is unknown.
    /// </summary>
    Task<(CommandRecord? Before, CommandRecord? After)> UpdateAsync(string id, Func<CommandRecord, CommandRecord?> change, CancellationToken cancellationToken);

    /// <summary>A device's pending commands that are due (not before now) and not expired, oldest first.</summary>
    Task<IReadOnlyList<CommandRecord>> ListDeliverableAsync(string deviceId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Pending commands never published whose notBefore has come.</summary>
    Task<IReadOnlyList<CommandRecord>> ListDueUnpublishedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every pending or delivered command whose expiry has passed as expired, in one transaction, and
    /// returns them. Idempotent, so several cloud nodes may run it (a database lease can make it single later).
    /// </summary>
    Task<IReadOnlyList<CommandRecord>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many commands are in each state.</summary>
    Task<IReadOnlyDictionary<CommandState, int>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>Records that the commands were handed to the broker (once more); returns the updated commands.</summary>
    Task<IReadOnlyList<CommandRecord>> MarkPublishedAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves acknowledged pending commands to delivered, in one transaction; returns (before, after) of those that changed.</summary>
    Task<IReadOnlyList<(CommandRecord Before, CommandRecord After)>> MarkDeliveredAsync(
        IReadOnlyList<(string DeviceId, string Id)> acknowledged, DateTimeOffset at, CancellationToken cancellationToken);
}
