using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Diagnostics;

/// <summary>
/// An outbox that keeps nothing, for the technician's tools (<c>doctor</c>, <c>sensors</c>): they
/// compose the gateway's channels to read them once, and must neither open the service's LiteDB
/// file (it holds it exclusively) nor put their readings on the wire.
/// </summary>
public sealed class DiscardingOutbox : IOutbox
{
    private long _sequence;

    public ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return ValueTask.FromResult<IReadOnlyList<long>>(readings.Select(_ => Interlocked.Increment(ref _sequence)).ToList());
    }

    public ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Interlocked.Increment(ref _sequence));

    public IReadOnlyList<DeviceEvent> PeekEvents(int max) => [];

    public IReadOnlyList<Reading> PeekReadings(int max) => [];

    public ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task WaitForPendingAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public OutboxStatus GetStatus() => new(0, 0, Interlocked.Read(ref _sequence), 0, 0, 0);
}
