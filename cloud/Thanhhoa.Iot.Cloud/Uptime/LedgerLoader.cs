using LiteDB;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Reads gateways' histories from the stores: alarm events, link changes and observed spans. One gateway at a
/// time (three indexed queries), or every gateway at once in one pass per collection, which is what start-up uses:
/// LiteDB answers one scan far faster than thousands of small queries.
/// </summary>
public sealed class LedgerLoader(ITelemetryStore telemetry, LinkHistoryStore links, ObservationStore observations, LiteDbStore store)
{
    private static readonly DateTimeOffset Far = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Fills <paramref name="history"/> with everything stored since its <see cref="DeviceHistory.Since"/>.</summary>
    public async Task LoadAsync(DeviceHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var change in links.Query(history.DeviceId, history.Since))
        {
            history.AddLink(change);
        }

        history.AddObservations(observations.Query(history.DeviceId, history.Since));
        var events = await telemetry.QueryEventsAsync(new TelemetryQuery(history.DeviceId, null, history.Since, Far, int.MaxValue), cancellationToken)
            .ConfigureAwait(false);
        history.AddEvents(events);
    }

    /// <summary>Fills a history per gateway (created by <paramref name="historyFor"/>) with everything stored since <paramref name="since"/>.</summary>
    public void LoadAll(DateTimeOffset since, Func<string, DeviceHistory> historyFor)
    {
        ArgumentNullException.ThrowIfNull(historyFor);
        foreach (var device in links.All(since))
        {
            var history = historyFor(device.Key);
            foreach (var change in device)
            {
                history.AddLink(change);
            }
        }

        foreach (var device in observations.All(since))
        {
            historyFor(device.Key).AddObservations(device);
        }

        var events = store.Database.GetCollection(LiteDbStore.Events).Find(LiteDB.Query.GTE("t", since.UtcTicks)).Select(TelemetryDocuments.ToEvent);
        foreach (var device in events.GroupBy(e => e.DeviceId, StringComparer.Ordinal))
        {
            historyFor(device.Key).AddEvents(device);
        }
    }
}
