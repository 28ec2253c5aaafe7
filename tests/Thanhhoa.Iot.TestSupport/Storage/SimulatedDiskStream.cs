namespace Thanhhoa.Iot.TestSupport.Storage;

/// <summary>
/// An open file on a <see cref="SimulatedDisk"/>. Like a FileStream: <see cref="Flush()"/> only
/// hands bytes to the (volatile) OS cache; <see cref="Flush(bool)"/> with <c>true</c> is fsync.
/// </summary>
public sealed class SimulatedDiskStream : Stream
{
    private readonly SimulatedDisk _disk;
    private readonly SimulatedFile _file;
    private long _position;
    private bool _disposed;

    internal SimulatedDiskStream(SimulatedDisk disk, SimulatedFile file, string name, int generation)
    {
        _disk = disk;
        _file = file;
        Name = name;
        Generation = generation;
    }

    public string Name { get; }

    internal int Generation { get; }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => !_disposed;

    public override long Length => _disk.Length(this, _file);

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    /// <summary>Like FileStream.Flush(): nothing is buffered here, and nothing becomes durable.</summary>
    public override void Flush() => ThrowIfDisposed();

    /// <summary>With <paramref name="flushToDisk"/> true: fsync, the cached writes of this file become durable.</summary>
    public void Flush(bool flushToDisk)
    {
        ThrowIfDisposed();
        if (flushToDisk)
        {
            _disk.Sync(this, _file);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfDisposed();
        var read = _disk.Read(this, _file, _position, buffer);
        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfDisposed();
        _disk.Write(this, _file, _position, buffer);
        _position += buffer.Length;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

    public override void SetLength(long value)
    {
        ThrowIfDisposed();
        _disk.SetLength(this, _file, value);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
