namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Where the outbox keeps its two LiteDB files. The outbox relies on one promise: when it calls
/// <see cref="Stream.Flush()"/> on a stream handed out here, every byte written before is on the
/// disk (fsync), not just in the OS cache. Tests inject fault streams through this seam.
/// </summary>
public interface IOutboxStorage
{
    /// <summary>A name for logs and error messages, e.g. the data file path.</summary>
    string Description { get; }

    /// <summary>Opens (creating when missing) the data and log streams. The caller disposes them.</summary>
    OutboxStreams Open();
}
