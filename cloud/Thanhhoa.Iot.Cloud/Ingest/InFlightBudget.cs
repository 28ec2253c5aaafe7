namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// A first-come-first-served budget of readings in flight: an entry waits until its readings fit (or nothing
/// else is in flight, so a batch larger than the whole budget still goes, alone). A cancelled waiter leaves the
/// queue without taking anything.
/// </summary>
internal sealed class InFlightBudget(long capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(int Readings, TaskCompletionSource Granted)> _waiting = new();
    private long _inFlight;

    public long InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    public Task EnterAsync(int readings, CancellationToken cancellationToken)
    {
        TaskCompletionSource granted;
        LinkedListNode<(int, TaskCompletionSource)> node;
        lock (_lock)
        {
            if (_waiting.Count == 0 && Fits(readings))
            {
                _inFlight += readings;
                return Task.CompletedTask;
            }

            granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiting.AddLast((readings, granted));
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
            _ = granted.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return granted.Task;
    }

    public void Exit(int readings)
    {
        lock (_lock)
        {
            _inFlight -= readings;
            while (_waiting.First is { } first && Fits(first.Value.Readings))
            {
                _waiting.RemoveFirst();
                if (first.Value.Granted.TrySetResult())
                {
                    _inFlight += first.Value.Readings;
                }
            }
        }
    }

    private bool Fits(int readings) => _inFlight == 0 || _inFlight + readings <= capacity;

    private void Cancel(LinkedListNode<(int Readings, TaskCompletionSource Granted)> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return; // Already granted: the caller owns its readings and gives them back.
            }

            _waiting.Remove(node);
            node.Value.Granted.TrySetCanceled(cancellationToken);
        }

        Exit(0); // The one behind may fit now.
    }
}
