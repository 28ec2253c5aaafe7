using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Timekeeping;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Work queued for the outbox writer; completed only after the transaction holding it is on disk.</summary>
internal abstract class OutboxRequest(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Rows this request adds or removes, for bounding a batch.</summary>
    public abstract int Rows { get; }

    public abstract void Complete();

    public abstract void Fail(Exception error);

    public abstract void Cancel();
}

internal sealed class AppendReadingsRequest(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    : OutboxRequest(cancellationToken)
{
    private readonly TaskCompletionSource<IReadOnlyList<long>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<SensorReading> Readings { get; } = readings;

    /// <summary>One clock stamp per reading, or null when the outbox has no clock-trust service.</summary>
    public IReadOnlyList<ClockStamp>? Stamps { get; init; }

    /// <summary>Sequence number of the first reading, given by the writer.</summary>
    public long FirstSeq { get; set; }

    public Task<IReadOnlyList<long>> Task => _completion.Task;

    public override int Rows => Readings.Count;

    public override void Complete() => _completion.TrySetResult(new SequenceRange(FirstSeq, Readings.Count));

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

internal sealed class AppendEventRequest(EventDraft draft, CancellationToken cancellationToken)
    : OutboxRequest(cancellationToken)
{
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventDraft Draft { get; } = draft;

    public ClockStamp? Stamp { get; init; }

    public long Seq { get; set; }

    public Task<long> Task => _completion.Task;

    public override int Rows => 1;

    public override void Complete() => _completion.TrySetResult(Seq);

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

internal sealed class AcknowledgeRequest(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    : OutboxRequest(cancellationToken)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<long> Sequences { get; } = sequences;

    public Task Task => _completion.Task;

    public override int Rows => Sequences.Count;

    public override void Complete() => _completion.TrySetResult();

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

internal sealed class AppendMessageRequest(OutboxMessage message, CancellationToken cancellationToken)
    : OutboxRequest(cancellationToken)
{
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutboxMessage Message { get; } = message;

    public long Seq { get; set; }

    public Task<long> Task => _completion.Task;

    public override int Rows => 1;

    public override void Complete() => _completion.TrySetResult(Seq);

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

internal sealed class ReanchorRequest(Func<long, long, DateTimeOffset?> correct, CancellationToken cancellationToken)
    : OutboxRequest(cancellationToken)
{
    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>(boot key, monotonic) to the trusted time, or null when the row cannot be corrected.</summary>
    public Func<long, long, DateTimeOffset?> Correct { get; } = correct;

    public int Corrected { get; set; }

    public Task<int> Task => _completion.Task;

    public override int Rows => 0;

    public override void Complete() => _completion.TrySetResult(Corrected);

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

/// <summary>Replace pending raw telemetry by aggregates now (the data budget asks, between two uplink batches).</summary>
internal sealed class AggregateRequest(TimeSpan interval, CancellationToken cancellationToken)
    : OutboxRequest(cancellationToken)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Interval { get; } = interval;

    public Task Task => _completion.Task;

    public override int Rows => 1;

    public override void Complete() => _completion.TrySetResult();

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
