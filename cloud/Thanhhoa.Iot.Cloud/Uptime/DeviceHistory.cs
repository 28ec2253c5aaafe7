using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// One gateway's alarm events, link changes and buffered observations since <see cref="Since"/>, in memory.
/// Filled from the store and from ingest at the same time, so every add is deduplicated. Thread-safe.
/// </summary>
public sealed class DeviceHistory(string deviceId, DateTimeOffset since)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, StoredEvent> _events = [];
    private readonly HashSet<LinkChange> _links = [];
    private readonly HashSet<ObservedSpan> _observations = [];

    public string DeviceId { get; } = deviceId;

    public DateTimeOffset Since { get; } = since;

    public void AddEvents(IEnumerable<StoredEvent> events)
    {
        lock (_lock)
        {
            foreach (var e in events.Where(e => e.Action != EventAction.Info))
            {
                _events.TryAdd(e.Seq, e);
            }
        }
    }

    public void AddLink(LinkChange change)
    {
        lock (_lock)
        {
            _links.Add(change);
        }
    }

    public void AddObservations(IEnumerable<ObservedSpan> observations)
    {
        lock (_lock)
        {
            _observations.UnionWith(observations);
        }
    }

    public IReadOnlyList<StoredEvent> Events()
    {
        lock (_lock)
        {
            return _events.Values.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq).ToList();
        }
    }

    /// <summary>The ledger's input: events and their timestamps count as proof of life too.</summary>
    public LedgerInput ToLedgerInput()
    {
        lock (_lock)
        {
            var events = _events.Values.Select(e => new LedgerEvent(e.Timestamp, e.Seq, e.Code, e.Action)).ToList();
            var observations = _observations.Concat(_events.Values.Select(e => ObservedSpan.At(e.Timestamp))).ToList();
            return new LedgerInput(events, _links.ToList(), observations);
        }
    }
}
