namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Decides which telemetry leaves the outbox when it is over its quota. Only readings are offered:
/// events (alarms) can never be evicted. Runs on the outbox writer inside the transaction that
/// stores the new rows, so it must be quick and must not block.
/// <see cref="AggregateThenDropPolicy"/> (the gateway's default) thins out old telemetry into aggregates
/// before it drops whole stretches; <see cref="DropOldestReadingsPolicy"/> only drops.
/// </summary>
public interface IOutboxRetentionPolicy
{
    /// <summary>Chooses readings to drop; offering fewer bytes than asked is allowed (the next batch asks again).</summary>
    RetentionDecision Decide(RetentionContext context);

    /// <summary>True when the policy replaces readings by aggregates: the outbox then offers <see cref="RetentionContext.AggregationCandidates"/>.</summary>
    bool Aggregates => false;
}
