namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>A snapshot of the outbox.</summary>
/// <param name="PendingReadings">Readings not yet acknowledged.</param>
/// <param name="PendingEvents">Events not yet acknowledged.</param>
/// <param name="LastSequence">Highest sequence number ever given (0 before the first).</param>
/// <param name="UsedBytes">Bytes the database files take on disk.</param>
/// <param name="QuotaBytes">The configured quota.</param>
/// <param name="DroppedReadings">Readings discarded at the quota since the outbox opened.</param>
/// <param name="FailedWrites">Appends or acknowledgements that failed to become durable since the outbox opened (disk full, I/O errors).</param>
/// <param name="PendingMessages">Control messages (command results, configuration reports) not yet acknowledged.</param>
public sealed record OutboxStatus(
    long PendingReadings,
    long PendingEvents,
    long LastSequence,
    long UsedBytes,
    long QuotaBytes,
    long DroppedReadings,
    long FailedWrites = 0,
    long PendingMessages = 0);
