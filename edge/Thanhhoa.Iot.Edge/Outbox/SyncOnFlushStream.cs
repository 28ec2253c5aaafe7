namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Wraps a file stream so that the flushes LiteDB (and the outbox) make reach the disk.
/// LiteDB 5.0.21 wraps custom streams in its own ConcurrentStream, whose Flush calls our
/// parameterless <see cref="Flush()"/>; a plain FileStream would then only reach the OS cache.
/// Truncation (the log after a checkpoint) is synced at once so that an old log can never
/// reappear under newer commits after a power cut.
/// </summary>
public sealed class SyncOnFlushStream : Stream
{
    private readonly Stream _inner;
    private readonly Action _syncToDisk;

    /// <param name="inner">The stream LiteDB reads and writes.</param>
    /// <param name="syncToDisk">Makes everything written so far durable, e.g. <c>() => fileStream.Flush(true)</c>.</param>
    public SyncOnFlushStream(Stream inner, Action syncToDisk)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _syncToDisk = syncToDisk ?? throw new ArgumentNullException(nameof(syncToDisk));
    }

    /// <summary>Wraps a FileStream so that Flush is <c>Flush(flushToDisk: true)</c> (fsync).</summary>
    public static SyncOnFlushStream ForFile(FileStream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new SyncOnFlushStream(file, () => file.Flush(flushToDisk: true));
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override void Flush()
    {
        _inner.Flush();
        _syncToDisk();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        _inner.SetLength(value);
        Flush();
    }

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
