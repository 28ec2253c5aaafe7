namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>What ingest did with a message; the broker turns it into the acknowledgement's reason code.</summary>
public enum IngestOutcome
{
    /// <summary>Stored durably (at least one row was new, or a state change was recorded).</summary>
    Stored,

    /// <summary>Every row was already stored: a retry after a lost acknowledgement.</summary>
    Duplicate,

    /// <summary>Valid, but nothing to store yet (a topic the cloud does not consume yet, or a stale state message).</summary>
    Ignored,

    /// <summary>The payload breaks the contract; resending it cannot help.</summary>
    Rejected,

    /// <summary>The publisher may not publish on this topic (another device's topic, a down/ topic, or outside the scheme).</summary>
    WrongTopic,

    /// <summary>Storing failed; the sender should keep the message and retry.</summary>
    Failed,
}
