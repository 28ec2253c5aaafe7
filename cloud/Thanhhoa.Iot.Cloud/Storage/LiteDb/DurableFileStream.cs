namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// A file stream whose every flush reaches the disk. LiteDB 5.0.21 commits by writing its log file
/// and calling <c>Flush(false)</c>, which leaves the transaction in the OS page cache (LiteDB issue
/// #2818): a power cut after the broker acknowledged the gateway would lose it. Handing LiteDB these
/// streams makes each commit (and each checkpoint) an fsync; the group-commit writer keeps that to
/// one fsync per group of concurrent writes.
/// </summary>
internal sealed class DurableFileStream : FileStream
{
    public DurableFileStream(string path)
        : base(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 8192, FileOptions.RandomAccess)
    {
    }

    public override void Flush(bool flushToDisk) => base.Flush(flushToDisk: true);

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush(flushToDisk: true);
        return Task.CompletedTask;
    }
}
