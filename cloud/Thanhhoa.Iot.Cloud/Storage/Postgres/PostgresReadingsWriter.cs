using System.Threading.Channels;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Group commit of telemetry messages in PostgreSQL: a loop takes every message waiting (up to
/// <see cref="MaxGroupMessages"/> or <see cref="MaxGroupReadings"/>) and stores them in one transaction
/// (<see cref="ReadingsGroupTransaction"/>): one ledger lock and update per device, one multi-row insert,
/// one registry update, one commit. A message's task completes only after that commit. While a group
/// commits, the next one gathers, so the busier ingest is, the fewer commits each message costs;
/// <see cref="PostgresStorageOptions.WriteGroups"/> loops run at once (two groups touching one device
/// serialise on its ledger row, locked in device order, so they never deadlock). If a
/// group fails, each of its messages is retried alone, so one bad message fails only its own caller.
/// </summary>
public sealed class PostgresReadingsWriter : IReadingsWriter, IAsyncDisposable
{
    internal const int MaxGroupMessages = 512;
    internal const int MaxGroupReadings = 25_000;

    private readonly PostgresStore _store;
    private readonly Channel<PendingReadings> _queue = Channel.CreateUnbounded<PendingReadings>();
    private readonly Task[] _loops;

    public PostgresReadingsWriter(PostgresStore store)
    {
        _store = store;
        _loops = Enumerable.Range(0, Math.Max(1, store.Options.WriteGroups)).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    public Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.FirstOrDefault(r => !string.Equals(r.DeviceId, deviceId, StringComparison.Ordinal)) is { } other)
        {
            throw new ArgumentException($"A reading of device '{other.DeviceId}' was passed with the readings of '{deviceId}'; store each device's readings separately.", nameof(readings));
        }

        var write = new PendingReadings(deviceId, readings, seenAt);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(PostgresReadingsWriter), "The store is closing; the readings were not accepted.");
        }

        return write.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking writes and waits for the queued ones to commit.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var group = new List<PendingReadings>();
        PendingReadings? carried = null;
        while (carried is not null || await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var readings = 0;
            if (carried is not null)
            {
                group.Add(carried);
                readings = carried.Readings.Count;
                carried = null;
            }

            while (group.Count < MaxGroupMessages && _queue.Reader.TryRead(out var write))
            {
                if (group.Count > 0 && readings + write.Readings.Count > MaxGroupReadings)
                {
                    carried = write; // starts the next group
                    break;
                }

                group.Add(write);
                readings += write.Readings.Count;
            }

            await CommitGroupAsync(group).ConfigureAwait(false);
            group.Clear();
        }
    }

    private async Task CommitGroupAsync(List<PendingReadings> group)
    {
        try
        {
            await CommitAsync(group).ConfigureAwait(false);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var write in group)
            {
                await CommitAloneAsync(write).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            group[0].Completion.TrySetException(ex);
        }
    }

    private async Task CommitAloneAsync(PendingReadings write)
    {
        try
        {
            await CommitAsync([write]).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            write.Completion.TrySetException(ex);
        }
    }

    private async Task CommitAsync(List<PendingReadings> group)
    {
        // Not cancelled by any one caller: the group belongs to all of them.
        await _store.InTransactionAsync(
            (connection, tx) => ReadingsGroupTransaction.RunAsync(connection, tx, group, CancellationToken.None),
            group.Count,
            CancellationToken.None).ConfigureAwait(false);
        foreach (var write in group)
        {
            // Before the caller hears of it (and hands the state to the live view): the version is committed now.
            _store.RowVersions.Remember(write.RowVersion, write.Device!);
            write.Completion.TrySetResult(new ReadingsStored(write.Result, write.Device!));
        }
    }
}
