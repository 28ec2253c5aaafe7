namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Spans a gateway's buffered readings cover, recorded when they arrive after a link gap, so the ledger can count that
/// time as known. LiteDB for one node (<see cref="LiteObservationStore"/>), PostgreSQL shared by all.
/// </summary>
public interface IObservationStore
{
    Task AppendManyAsync(string deviceId, IReadOnlyList<ObservedSpan> spans, CancellationToken cancellationToken);

    /// <summary>One device's spans that start at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ObservedSpan>> QueryAsync(string deviceId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Every device's spans that start at or after <paramref name="since"/>, in one pass.</summary>
    Task<ILookup<string, ObservedSpan>> AllAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
