namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// The open database, swapped only by the writer after a storage fault. Readers hold the read lock
/// for the length of one query so a swap never closes the engine under them.
/// </summary>
internal sealed class OutboxDatabaseHolder : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private OutboxDatabase? _current;

    /// <summary>The database, for the writer thread only.</summary>
    public OutboxDatabase? Current => _current;

    public bool IsOpen => Volatile.Read(ref _current) is not null;

    public T Read<T>(Func<OutboxDatabase, T> read, T whenClosed)
    {
        _lock.EnterReadLock();
        try
        {
            return _current is null ? whenClosed : read(_current);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Replace(OutboxDatabase? database, bool afterFault = false)
    {
        OutboxDatabase? old;
        _lock.EnterWriteLock();
        try
        {
            old = _current;
            _current = database;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        if (afterFault)
        {
            old?.DisposeAfterFault();
        }
        else
        {
            old?.Dispose();
        }
    }

    /// <summary>Closes for good, checkpointing first (called once the writer has stopped).</summary>
    public void Dispose()
    {
        _lock.EnterWriteLock();
        var last = _current;
        _current = null;
        _lock.ExitWriteLock();
        last?.CloseCleanly();
        _lock.Dispose();
    }
}
