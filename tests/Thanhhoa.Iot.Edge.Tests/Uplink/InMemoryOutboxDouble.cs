using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>
/// TEST DOUBLE: a volatile IOutbox for uplink and hosting tests. Not durable and not the product's
/// outbox (that is LiteDbOutbox); it keeps just enough behaviour — one sequence space, oldest-first
/// peeks, acknowledgement, a pending signal — to drive the uplink, and records what was acknowledged.
/// </summary>
public sealed class InMemoryOutboxDouble : IOutbox
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, Reading> _readings = [];
    private readonly SortedDictionary<long, DeviceEvent> _events = [];
    private readonly List<long> _acknowledged = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private TaskCompletionSource _pending = NewSignal();
    private long _lastSequence;

    public IReadOnlyList<long> Acknowledged
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged.ToList();
            }
        }
    }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _readings.Count + _events.Count;
            }
        }
    }

    public ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var given = new List<long>();
        lock (_gate)
        {
            foreach (var r in readings)
            {
                var seq = ++_lastSequence;
                _readings[seq] = new Reading { Seq = seq, Channel = r.Channel, Timestamp = r.Timestamp, Value = r.Value, Quality = r.Quality };
                given.Add(seq);
            }
        }

        SignalPending();
        return ValueTask.FromResult<IReadOnlyList<long>>(given);
    }

    public ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken)
    {
        long seq;
        lock (_gate)
        {
            seq = ++_lastSequence;
            _events[seq] = new DeviceEvent
            {
                Seq = seq, Timestamp = draft.Timestamp, Code = draft.Code, Action = draft.Action, Severity = draft.Severity,
                Channel = draft.Channel, Message = draft.Message, Values = draft.Values,
            };
        }

        SignalPending();
        return ValueTask.FromResult(seq);
    }

    /// <summary>Puts a raw reading in as is (to plant rows that break the contract).</summary>
    public long AppendRaw(Func<long, Reading> make)
    {
        long seq;
        lock (_gate)
        {
            seq = ++_lastSequence;
            _readings[seq] = make(seq);
        }

        SignalPending();
        return seq;
    }

    public IReadOnlyList<DeviceEvent> PeekEvents(int max)
    {
        lock (_gate)
        {
            return _events.Values.Take(max).ToList();
        }
    }

    public IReadOnlyList<Reading> PeekReadings(int max)
    {
        lock (_gate)
        {
            return _readings.Values.Take(max).ToList();
        }
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            foreach (var seq in sequences)
            {
                if (_readings.Remove(seq) | _events.Remove(seq))
                {
                    _acknowledged.Add(seq);
                }
            }

            ready = _waiters.Where(w => w.Condition()).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => ready.Contains(w.Signal));
        }

        ready.ForEach(s => s.TrySetResult());
        return ValueTask.CompletedTask;
    }

    public Task WaitForPendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _readings.Count + _events.Count > 0 ? Task.CompletedTask : _pending.Task.WaitAsync(cancellationToken);
        }
    }

    public OutboxStatus GetStatus()
    {
        lock (_gate)
        {
            return new OutboxStatus(_readings.Count, _events.Count, _lastSequence, 0, 0, 0);
        }
    }

    /// <summary>Completes once every row appended so far has been acknowledged (checked on each acknowledgement).</summary>
    public Task WhenDrainedAsync() => When(() => _readings.Count + _events.Count == 0);

    private Task When(Func<bool> condition)
    {
        lock (_gate)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            var signal = NewSignal();
            _waiters.Add((condition, signal));
            return signal.Task;
        }
    }

    private void SignalPending()
    {
        TaskCompletionSource toSet;
        lock (_gate)
        {
            toSet = _pending;
            _pending = NewSignal();
        }

        toSet.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
