using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Hosting;

/// <summary>
/// What a running cloud has ingested, as signals a test can await instead of sleeping: counters fed
/// by the ingest observer and registry link updates, with <see cref="WaitUntilAsync"/> re-checking a
/// condition after every change.
/// </summary>
public sealed class CloudSignals
{
    private readonly Lock _lock = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly List<(string DeviceId, LinkUpdate Update, bool Applied)> _links = [];

    public int ReadingsAdded { get; private set; }

    public int ReadingDuplicates { get; private set; }

    public int EventsAdded { get; private set; }

    public int EventDuplicates { get; private set; }

    public int Rejects { get; private set; }

    public int StoreFailures { get; private set; }

    public IReadOnlyList<(string DeviceId, LinkUpdate Update, bool Applied)> Links
    {
        get
        {
            lock (_lock)
            {
                return _links.ToList();
            }
        }
    }

    public async Task WaitUntilAsync(Func<CloudSignals, bool> condition, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add((() => condition(this), done));
        }

        try
        {
            await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Cloud signals never met the condition: readings={ReadingsAdded}, duplicates={ReadingDuplicates}, " +
                $"events={EventsAdded}, rejects={Rejects}, store failures={StoreFailures}, links={Links.Count}.");
        }
    }

    internal void Change(Action change)
    {
        lock (_lock)
        {
            change();
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    internal sealed class Observer(IIngestObserver inner, CloudSignals signals) : IIngestObserver
    {
        public void ReadingsAppended(int added, int duplicates)
        {
            inner.ReadingsAppended(added, duplicates);
            signals.Change(() => (signals.ReadingsAdded, signals.ReadingDuplicates) = (signals.ReadingsAdded + added, signals.ReadingDuplicates + duplicates));
        }

        public void EventsAppended(int added, int duplicates)
        {
            inner.EventsAppended(added, duplicates);
            signals.Change(() => (signals.EventsAdded, signals.EventDuplicates) = (signals.EventsAdded + added, signals.EventDuplicates + duplicates));
        }

        public void Rejected(string reason)
        {
            inner.Rejected(reason);
            signals.Change(() => signals.Rejects++);
        }

        public void StoreFailed()
        {
            inner.StoreFailed();
            signals.Change(() => signals.StoreFailures++);
        }
    }

    internal sealed class Registry(IDeviceRegistry inner, CloudSignals signals) : IDeviceRegistry
    {
        public Task<DeviceState?> GetAsync(string deviceId, CancellationToken cancellationToken) => inner.GetAsync(deviceId, cancellationToken);

        public Task<IReadOnlyList<DeviceState>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task RecordReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
            inner.RecordReadingsAsync(deviceId, readings, seenAt, cancellationToken);

        public Task TouchAsync(string deviceId, DateTimeOffset seenAt, CancellationToken cancellationToken) => inner.TouchAsync(deviceId, seenAt, cancellationToken);

        public async Task<bool> ApplyLinkAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken)
        {
            var applied = await inner.ApplyLinkAsync(deviceId, update, cancellationToken).ConfigureAwait(false);
            signals.Change(() => signals._links.Add((deviceId, update, applied)));
            return applied;
        }

        public Task<int> MarkAllOfflineAsync(string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.MarkAllOfflineAsync(reason, at, cancellationToken);
    }
}
