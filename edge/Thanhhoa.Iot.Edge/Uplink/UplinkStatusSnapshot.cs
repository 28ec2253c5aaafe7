namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>A moment of the uplink's state.</summary>
/// <param name="Connected">True while an MQTT session is up.</param>
/// <param name="Session">The session counter of the current (or last) connection; 0 before the first.</param>
/// <param name="LastSync">When the broker last acknowledged a batch.</param>
/// <param name="DeliveredReadings">Readings the broker acknowledged since start.</param>
/// <param name="DeliveredEvents">Events the broker acknowledged since start.</param>
/// <param name="Rejected">Batches or rows dropped because the cloud can never accept them (PUBACK 0x99, contract violations).</param>
/// <param name="FailedAttempts">Connection attempts that failed since the last successful one.</param>
/// <param name="NextAttemptAt">When the next connection attempt is due, while waiting to reconnect.</param>
/// <param name="LastError">Why the link last failed, for a person to read.</param>
public sealed record UplinkStatusSnapshot(
    bool Connected,
    long Session,
    DateTimeOffset? LastSync,
    long DeliveredReadings,
    long DeliveredEvents,
    long Rejected,
    int FailedAttempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError)
{
    /// <summary>Control messages (command results, configuration reports) the broker acknowledged since start.</summary>
    public long DeliveredMessages { get; init; }

    /// <summary>The state before the uplink has tried anything.</summary>
    public static UplinkStatusSnapshot Initial { get; } = new(false, 0, null, 0, 0, 0, 0, null, null);
}
