using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Tests.Budget;

/// <summary>
/// The real outbox, plus a signal for simulations: the uplink is idle once it waits on the outbox
/// (nothing it may send now) after the last append became durable. Lets a test advance fake time only
/// when the uplink has done everything the current moment allows.
/// </summary>
internal sealed class IdleTrackingOutbox(LiteDbOutbox inner) : IOutbox, IAggregatingOutbox
{
    private readonly Lock _gate = new();
    private long _version;
    private long _idleVersion = -1;
    private long _eventVersion;
    private Task? _priorityWait;
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiteDbOutbox Inner => inner;

    public async ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        var seqs = await inner.AppendReadingsAsync(readings, cancellationToken);
        Bump();
        return seqs;
    }

    public async ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken)
    {
        var seq = await inner.AppendEventAsync(draft, cancellationToken);
        Bump(priority: true);
        return seq;
    }

    public IReadOnlyList<DeviceEvent> PeekEvents(int max) => inner.PeekEvents(max);

    public IReadOnlyList<Reading> PeekReadings(int max) => inner.PeekReadings(max);

    public ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) => inner.AcknowledgeAsync(sequences, cancellationToken);

    public Task WaitForPendingAsync(CancellationToken cancellationToken) => Observe(inner.WaitForPendingAsync(cancellationToken), priority: false);

    /// <summary>The uplink holds telemetry back (cadence or budget): new readings do not wake it, events do.</summary>
    public Task WaitForPriorityAsync(CancellationToken cancellationToken) => Observe(inner.WaitForPriorityAsync(cancellationToken), priority: true);

    public OutboxStatus GetStatus() => inner.GetStatus();

    public Task AggregatePendingAsync(TimeSpan interval, CancellationToken cancellationToken) => inner.AggregatePendingAsync(interval, cancellationToken);

    /// <summary>
    /// Completes when the uplink waited on the outbox after the last append. An uplink that lost its connection
    /// waits on the (fake) clock for its reconnect, the one wait it cannot end itself: the clock is moved to that
    /// moment (a few hundred milliseconds at most), so the simulation never stalls on a reconnect.
    /// </summary>
    public async Task WhenIdleAsync(UplinkStatus status, FakeTimeProvider time)
    {
        while (true)
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnChanged(object? sender, UplinkStatusSnapshot snapshot) => changed.TrySetResult();
            status.Changed += OnChanged; // before looking, so a change in between is not missed
            try
            {
                Task idle;
                lock (_gate)
                {
                    var holding = _priorityWait is { IsCompleted: false } && _eventVersion <= _idleVersion;
                    if (_idleVersion == _version || holding)
                    {
                        return;
                    }

                    idle = _idle.Task;
                }

                if (status.Current is { Connected: false, NextAttemptAt: { } next } && next > time.GetUtcNow())
                {
                    time.SetUtcNow(next);
                }

                await Task.WhenAny(idle, changed.Task).WaitAsync(TimeSpan.FromSeconds(60));
            }
            finally
            {
                status.Changed -= OnChanged;
            }
        }
    }

    private void Bump(bool priority = false)
    {
        lock (_gate)
        {
            _version++;
            _eventVersion = priority ? _version : _eventVersion;
        }
    }

    private Task Observe(Task wait, bool priority)
    {
        if (!wait.IsCompleted)
        {
            TaskCompletionSource signal;
            lock (_gate)
            {
                _idleVersion = _version;
                _priorityWait = priority ? wait : null;
                signal = _idle;
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            signal.TrySetResult();
        }

        return wait;
    }
}
