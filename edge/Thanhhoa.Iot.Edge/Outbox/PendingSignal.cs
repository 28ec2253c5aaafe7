namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Wakes waiters when the writer has made new rows durable; no polling.</summary>
internal sealed class PendingSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task WaitAsync(Func<bool> hasPending, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before checking, so a notify between the check and the await is not missed.
            var signal = Volatile.Read(ref _next);
            if (hasPending())
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
