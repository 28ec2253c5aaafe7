using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Sensing;

/// <summary>An outbox that records what was appended, in order, and completes synchronously.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly Lock _lock = new();
    private readonly List<EventDraft> _events = [];
    private readonly List<SensorReading> _readings = [];
    private readonly List<string> _order = [];
    private long _sequence;

    public IReadOnlyList<EventDraft> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<SensorReading> Readings
    {
        get
        {
            lock (_lock)
            {
                return [.. _readings];
            }
        }
    }

    /// <summary>"event:code:action" and "reading:channel" in append order.</summary>
    public IReadOnlyList<string> Order
    {
        get
        {
            lock (_lock)
            {
                return [.. _order];
            }
        }
    }

    public ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var seqs = new List<long>();
            foreach (var reading in readings)
            {
                _readings.Add(reading);
                _order.Add($"reading:{reading.Channel}");
                seqs.Add(++_sequence);
            }

            return ValueTask.FromResult<IReadOnlyList<long>>(seqs);
        }
    }

    public ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.Add(draft);
            _order.Add($"event:{draft.Code}:{draft.Action.ToString().ToLowerInvariant()}");
            return ValueTask.FromResult(++_sequence);
        }
    }

    public IReadOnlyList<DeviceEvent> PeekEvents(int max) => [];

    public IReadOnlyList<Reading> PeekReadings(int max) => [];

    public ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task WaitForPendingAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public OutboxStatus GetStatus() => new(_readings.Count, _events.Count, _sequence, 0, 0, 0);
}
