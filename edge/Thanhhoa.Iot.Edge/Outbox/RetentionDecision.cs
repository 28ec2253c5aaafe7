namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>What a retention policy decided: the readings to drop (sequence numbers of offered readings; others are ignored).</summary>
public sealed record RetentionDecision(IReadOnlyList<long> DropReadings)
{
    /// <summary>Candidates replaced by aggregates (applied before the drops; a replaced reading is never also dropped).</summary>
    public IReadOnlyList<AggregateReplacement> Aggregates { get; init; } = [];

    /// <summary>Drop nothing.</summary>
    public static RetentionDecision None { get; } = new([]);
}
