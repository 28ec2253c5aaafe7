namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// An append or acknowledgement that the outbox could not make durable (disk full, I/O error,
/// storage unavailable). Nothing in the failed request was reported stored; rows stored earlier are kept.
/// </summary>
public sealed class OutboxWriteException : IOException
{
    public OutboxWriteException()
    {
    }

    public OutboxWriteException(string message)
        : base(message)
    {
    }

    public OutboxWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
