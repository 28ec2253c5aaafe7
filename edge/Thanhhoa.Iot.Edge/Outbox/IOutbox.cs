using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// The gateway's durable store-and-forward buffer. Every reading and event gets a per-gateway
/// sequence number that never repeats, also across restarts. An append completes only when the
/// rows are on disk (fsync'd); a row leaves only when the uplink acknowledges it after the broker did.
/// </summary>
public interface IOutbox
{
    /// <summary>Stores readings; completes once they are durable. Returns the sequence numbers given, in order.</summary>
    ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken);

    /// <summary>Stores an event; completes once it is durable. Returns its sequence number.</summary>
    ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken);

    /// <summary>The oldest unacknowledged events, ascending by sequence, at most <paramref name="max"/>.</summary>
    IReadOnlyList<DeviceEvent> PeekEvents(int max);

    /// <summary>The oldest unacknowledged readings, ascending by sequence, at most <paramref name="max"/>.</summary>
    IReadOnlyList<Reading> PeekReadings(int max);

    /// <summary>Removes rows the broker has acknowledged. Unknown sequence numbers are ignored.</summary>
    ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken);

    /// <summary>Completes when there is something to send (immediately if there already is).</summary>
    Task WaitForPendingAsync(CancellationToken cancellationToken);

    /// <summary>Depth, quota use and counters, for status, metrics and the technician CLI.</summary>
    OutboxStatus GetStatus();

    /// <summary>
    /// Stores a control message (command result, configuration report) for the priority lane; completes
    /// once it is durable. Returns its sequence number. Outboxes without the lane refuse it.
    /// </summary>
    ValueTask<long> AppendMessageAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} has no control-message lane; use LiteDbOutbox for command results and configuration reports.");

    /// <summary>The oldest unacknowledged control messages, ascending by sequence, at most <paramref name="max"/>.</summary>
    IReadOnlyList<PendingMessage> PeekMessages(int max) => [];

    /// <summary>
    /// Completes when control messages or events are pending (immediately if they already are); what the
    /// uplink waits on while it holds telemetry back for the upload cadence. Outboxes that cannot tell
    /// never complete it, so such telemetry waits out the cadence.
    /// </summary>
    Task WaitForPriorityAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>
    /// Once the wall time is trusted: gives rows of this boot stored before it their trusted time
    /// (trustedNow − (monotonicNow − monotonicAtRow)) and clears their flag; completes once durable.
    /// Returns how many rows it corrected. Outboxes that store no clock stamps have nothing to correct.
    /// </summary>
    ValueTask<int> ReanchorAsync(CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
