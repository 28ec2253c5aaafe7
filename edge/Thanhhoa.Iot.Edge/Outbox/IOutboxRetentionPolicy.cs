namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Decides which telemetry leaves the outbox when it is over its quota. Only readings are offered:
/// events (alarms) can never be evicted. Runs on the outbox writer inside the transaction that
/// stores the new rows, so it must be quick and must not block.
/// The default drops the oldest readings; a later policy may thin out old telemetry first
/// (keep one reading per channel per interval) before it drops whole stretches.
/// </summary>
public interface IOutboxRetentionPolicy
{
    /// <summary>Chooses readings to drop; offering fewer bytes than asked is allowed (the next batch asks again).</summary>
    RetentionDecision Decide(RetentionContext context);
}
