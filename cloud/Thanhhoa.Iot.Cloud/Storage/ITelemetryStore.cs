namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// Readings and events, deduplicated by (device, sequence). An append returns only after the rows
/// are durable, so the broker may acknowledge the gateway afterwards. LiteDB implements it today;
/// PostgreSQL will implement the same contract (see the store test suite).
/// </summary>
public interface ITelemetryStore
{
    /// <summary>Stores the readings that are new; the first write of a (device, sequence) wins.</summary>
    Task<AppendResult> AppendReadingsAsync(IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken);

    /// <summary>Stores the events that are new; the first write of a (device, sequence) wins.</summary>
    Task<AppendResult> AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>Readings of a device (optionally one channel) in the range, ascending by timestamp.</summary>
    Task<IReadOnlyList<StoredReading>> QueryReadingsAsync(TelemetryQuery query, CancellationToken cancellationToken);

    /// <summary>Events of a device (optionally about one channel) in the range, ascending by timestamp.</summary>
    Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(TelemetryQuery query, CancellationToken cancellationToken);

    /// <summary>Every device's events at or after <paramref name="since"/> (event time), streamed: one pass for start-up.</summary>
    IAsyncEnumerable<StoredEvent> EventsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
