namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>What a retention policy decided: the readings to drop (sequence numbers of offered readings; others are ignored).</summary>
public sealed record RetentionDecision(IReadOnlyList<long> DropReadings)
{
    /// <summary>Drop nothing.</summary>
    public static RetentionDecision None { get; } = new([]);
}
