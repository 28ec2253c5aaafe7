namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>What a retention policy sees when the outbox is over its quota.</summary>
/// <param name="BytesToFree">Estimated bytes to release to get back under the quota with some headroom.</param>
/// <param name="OldestReadings">The oldest pending readings, ascending by sequence (enough to cover <paramref name="BytesToFree"/> when dropped whole).</param>
/// <param name="QuotaBytes">The configured quota.</param>
public sealed record RetentionContext(long BytesToFree, IReadOnlyList<StoredReading> OldestReadings, long QuotaBytes)
{
    /// <summary>
    /// The oldest raw readings not yet offered for aggregation, ascending by sequence; never the oldest
    /// readings the uplink may have in flight. Empty when aggregation is off.
    /// </summary>
    public IReadOnlyList<StoredReading> AggregationCandidates { get; init; } = [];
}
