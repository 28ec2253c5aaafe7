using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Each gateway's recent history in memory, loaded from the store on first use and kept current by ingest.
/// An entry exists before its load starts, so nothing stored meanwhile is missed (adds are deduplicated).
/// </summary>
public sealed class DeviceHistoryCache(LedgerLoader loader, IOptions<UptimeOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Task _warm = Task.CompletedTask;

    /// <summary>Earliest moment the cached histories cover fully (state included).</summary>
    public DateTimeOffset CoveredFrom => time.GetUtcNow() - options.Value.MemoryHorizon;

    public async Task<DeviceHistory> GetAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (!_warm.IsCompleted)
        {
            await _warm.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var entry = _entries.GetOrAdd(deviceId, id => new Entry(new DeviceHistory(id, Horizon())));
        return await entry.LoadOnceAsync(loader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads every gateway's history in one pass per collection (start-up). Queries wait for it. Entries exist
    /// (from the link history) before the event scan, so events ingested meanwhile are added, not missed.
    /// </summary>
    public Task WarmAsync()
    {
        var since = Horizon();
        _warm = Task.Run(() => loader.LoadAllAsync(since, id => _entries.GetOrAdd(id, _ => Entry.Loaded(new DeviceHistory(id, since))).History, CancellationToken.None));
        return _warm;
    }

    /// <summary>A history read from the store only (for ranges older than the memory horizon).</summary>
    public async Task<DeviceHistory> LoadUncachedAsync(string deviceId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var history = new DeviceHistory(deviceId, since);
        await loader.LoadAsync(history, cancellationToken).ConfigureAwait(false);
        return history;
    }

    public void AddEvents(string deviceId, IReadOnlyList<StoredEvent> events) => Peek(deviceId)?.AddEvents(events);

    public void AddLink(string deviceId, LinkChange change) => Peek(deviceId)?.AddLink(change);

    public void AddObservations(string deviceId, IEnumerable<ObservedSpan> observations) => Peek(deviceId)?.AddObservations(observations);

    public DeviceHistory? Peek(string deviceId) => _entries.TryGetValue(deviceId, out var entry) ? entry.History : null;

    private DateTimeOffset Horizon() => time.GetUtcNow() - options.Value.MemoryHorizon - options.Value.StateLookback;

    private sealed class Entry(DeviceHistory history)
    {
        private readonly Lock _lock = new();
        private Task<DeviceHistory>? _load;

        public DeviceHistory History { get; } = history;

        public static Entry Loaded(DeviceHistory history)
        {
            var entry = new Entry(history);
            entry._load = Task.FromResult(history);
            return entry;
        }

        public Task<DeviceHistory> LoadOnceAsync(LedgerLoader loader, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                // A failed load is retried by the next caller rather than cached.
                if (_load is null || _load.IsFaulted || _load.IsCanceled)
                {
                    _load = LoadAsync(loader);
                }

                return _load.WaitAsync(cancellationToken);
            }
        }

        private async Task<DeviceHistory> LoadAsync(LedgerLoader loader)
        {
            await loader.LoadAsync(History, CancellationToken.None).ConfigureAwait(false);
            return History;
        }
    }
}
