namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>The data file and write-ahead log of one open outbox; disposing closes both.</summary>
public sealed class OutboxStreams(Stream data, Stream log) : IDisposable
{
    /// <summary>LiteDB's data file.</summary>
    public Stream Data { get; } = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>LiteDB's write-ahead log; a commit is durable once this stream's Flush returns.</summary>
    public Stream Log { get; } = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Bytes both files take.</summary>
    public long Length => SafeLength(Data) + SafeLength(Log);

    public void Dispose()
    {
        try
        {
            Data.Dispose();
        }
        finally
        {
            Log.Dispose();
        }
    }

    private static long SafeLength(Stream stream)
    {
        try
        {
            return stream.Length;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return 0;
        }
    }
}
