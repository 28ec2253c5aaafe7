using System.Diagnostics;
using System.Threading.Channels;
using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Serialises every write to one LiteDB database and commits whatever is queued together: one
/// transaction and one fsync per group, however many gateways publish at once. A write is
/// completed only after its group committed. If a group fails, each of its writes is retried alone,
/// so one bad write fails only its own caller. Telemetry is the bulk lane (<see cref="WriteBulkAsync"/>):
/// every other write queued (a command, its result, an alarm, a birth or will, an operator's change) joins
/// the next group ahead of the telemetry queued before it, so at saturation it waits for the group being
/// committed, not for the whole telemetry backlog — the embedded shape's control lane.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const int MaxGroupSize = 512;

    private readonly LiteDatabase _db;
    private readonly IStoreWriteObserver? _observer;
    private readonly Action? _rolledBack;
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <param name="rolledBack">Called on the writer thread after a transaction rolled back (state kept beside the file must be dropped).</param>
    public GroupCommitWriter(LiteDatabase db, IStoreWriteObserver? observer, Action? rolledBack = null)
    {
        _db = db;
        _observer = observer;
        _rolledBack = rolledBack;
        _loop = Task.Run(RunAsync);
    }

    private interface IWrite
    {
        /// <summary>Telemetry: may wait behind every other write.</summary>
        bool Bulk { get; }

        void Execute(LiteDatabase db);

        void Succeed();

        void Fail(Exception error);
    }

    /// <summary>Runs <paramref name="work"/> inside a transaction; completes once that transaction is durable.</summary>
    /// <remarks><paramref name="work"/> may run twice (after a rolled-back group) and must have no effect outside the database.</remarks>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken) => Enqueue(new Write<T>(work, bulk: false), cancellationToken);

    /// <summary>As <see cref="WriteAsync{T}"/>, in the bulk lane: for telemetry, which every other write goes ahead of.</summary>
    public Task<T> WriteBulkAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken) => Enqueue(new Write<T>(work, bulk: true), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer thread between two groups, outside a transaction: for the few LiteDB
    /// operations that refuse to run inside one (dropping a collection). Each LiteDB call in it commits on its own.
    /// </summary>
    public Task RunOutsideTransactionAsync(Action<LiteDatabase> work, CancellationToken cancellationToken)
    {
        var write = new Untransacted(work);
        Accept(write);
        return write.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private Task<T> Enqueue<T>(Write<T> write, CancellationToken cancellationToken)
    {
        Accept(write);
        return write.Completion.Task.WaitAsync(cancellationToken);
    }

    private void Accept(IWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The store is closing; the write was not accepted.");
        }
    }

    private async Task RunAsync()
    {
        var group = new List<IWrite>(MaxGroupSize);
        var control = new Queue<IWrite>();
        var bulk = new Queue<IWrite>();
        while (control.Count + bulk.Count > 0 || await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var queued))
            {
                (queued.Bulk ? bulk : control).Enqueue(queued);
            }

            // Control writes first, in the order they came; telemetry fills the rest of the group.
            foreach (var lane in (Queue<IWrite>[])[control, bulk])
            {
                while (group.Count < MaxGroupSize && lane.TryDequeue(out var write))
                {
                    if (write is Untransacted alone)
                    {
                        CommitGroup(group);
                        group.Clear();
                        alone.Run(_db);
                        continue;
                    }

                    group.Add(write);
                }
            }

            CommitGroup(group);
            group.Clear();
        }
    }

    private void CommitGroup(List<IWrite> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            RunInTransaction(group);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var write in group)
            {
                CommitAlone(write);
            }

            return;
        }
        catch (Exception ex)
        {
            group[0].Fail(ex);
            return;
        }

        _observer?.Committed(group.Count, Stopwatch.GetElapsedTime(started));
        foreach (var write in group)
        {
            write.Succeed();
        }
    }

    private void CommitAlone(IWrite write)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            RunInTransaction([write]);
        }
        catch (Exception ex)
        {
            write.Fail(ex);
            return;
        }

        _observer?.Committed(1, Stopwatch.GetElapsedTime(started));
        write.Succeed();
    }

    // LiteDB binds a transaction to the calling thread, so begin, work and commit run here without an await.
    private void RunInTransaction(IReadOnlyList<IWrite> writes)
    {
        _db.BeginTrans();
        try
        {
            foreach (var write in writes)
            {
                write.Execute(_db);
            }

            _db.Commit();
        }
        catch
        {
            TryRollback();
            throw;
        }
    }

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (LiteException)
        {
            // Already rolled back by the engine when the failing operation threw.
        }
        finally
        {
            _rolledBack?.Invoke();
        }
    }

    private sealed class Write<T>(Func<LiteDatabase, T> work, bool bulk) : IWrite
    {
        private T? _result;

        public bool Bulk => bulk;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute(LiteDatabase db) => _result = work(db);

        public void Succeed() => Completion.TrySetResult(_result!);

        public void Fail(Exception error) => Completion.TrySetException(error);
    }

    private sealed class Untransacted(Action<LiteDatabase> work) : IWrite
    {
        public bool Bulk => false;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(LiteDatabase db)
        {
            try
            {
                work(db);
                Completion.TrySetResult();
            }
            catch (Exception ex)
            {
                Completion.TrySetException(ex);
            }
        }

        public void Execute(LiteDatabase db) => throw new InvalidOperationException("An untransacted write never joins a group.");

        public void Succeed() => Completion.TrySetResult();

        public void Fail(Exception error) => Completion.TrySetException(error);
    }
}
