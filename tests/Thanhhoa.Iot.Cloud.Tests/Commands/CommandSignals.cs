using Thanhhoa.Iot.Cloud.Commands;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>Every command change the cloud made, as signals a test awaits instead of polling.</summary>
internal sealed class CommandSignals : ICommandObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CommandRecord> _latest = new(StringComparer.Ordinal);
    private readonly List<(Func<IReadOnlyDictionary<string, CommandRecord>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyDictionary<string, CommandRecord> Latest
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, CommandRecord>(_latest);
            }
        }
    }

    public void Changed(CommandRecord? before, CommandRecord after)
    {
        lock (_lock)
        {
            // Notifications of one command may arrive out of order (the store applied them in order):
            // never let an earlier state replace a later one.
            if (!_latest.TryGetValue(after.Id, out var known) || Rank(after) >= Rank(known))
            {
                _latest[after.Id] = after;
            }

            foreach (var waiter in _waiters.Where(w => w.Condition(_latest)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private static int Rank(CommandRecord c) => (c.IsFinal ? 4 : c.Status == CommandState.Delivered ? 2 : 0) + (c.ResultReceivedAt is null ? 0 : 1);

    public Task WaitUntilAsync(Func<IReadOnlyDictionary<string, CommandRecord>, bool> condition, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(_latest))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30)).ContinueWith(t =>
        {
            if (t.IsFaulted && t.Exception!.InnerException is TimeoutException)
            {
                var states = Latest.Values.GroupBy(c => c.Status).Select(g => $"{g.Key}={g.Count()}");
                throw new TimeoutException($"Commands never met the condition; states: {string.Join(", ", states)}.");
            }

            t.GetAwaiter().GetResult();
        }, TaskScheduler.Default);
    }

    public Task WaitForAsync(string id, Func<CommandRecord, bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync(all => all.TryGetValue(id, out var c) && condition(c), timeout);
}
