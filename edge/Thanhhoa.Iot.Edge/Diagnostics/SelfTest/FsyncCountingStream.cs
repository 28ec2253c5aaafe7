namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// A file stream whose Flush goes to the disk (fsync), counting how often: LiteDB 5.0.21 only calls
/// Flush() on commit, so this is how a commit becomes durable, and the count proves it happened.
/// </summary>
internal sealed class FsyncCountingStream(FileStream file) : Stream
{
    public int Syncs { get; private set; }

    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override void Flush()
    {
        file.Flush(flushToDisk: true);
        Syncs++;
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value) => file.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
