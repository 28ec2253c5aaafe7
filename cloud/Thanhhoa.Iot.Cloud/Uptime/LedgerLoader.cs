using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Reads gateways' histories from the stores: alarm events, link changes and observed spans. One gateway at a
/// time (three indexed queries), or every gateway at once in one pass per collection, which is what start-up uses:
/// LiteDB answers one scan far faster than thousands of small queries.
/// </summary>
public sealed class LedgerLoader(ITelemetryStore telemetry, ILinkHistoryStore links, IObservationStore observations)
{
    private static readonly DateTimeOffset Far = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Fills <paramref name="history"/> with everything stored since its <see cref="DeviceHistory.Since"/>.</summary>
    public async Task LoadAsync(DeviceHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var change in await links.QueryAsync(history.DeviceId, history.Since, cancellationToken).ConfigureAwait(false))
        {
            history.AddLink(change);
        }

        history.AddObservations(await observations.QueryAsync(history.DeviceId, history.Since, cancellationToken).ConfigureAwait(false));
        var events = await telemetry.QueryEventsAsync(new TelemetryQuery(history.DeviceId, null, history.Since, Far, int.MaxValue), cancellationToken)
            .ConfigureAwait(false);
        history.AddEvents(events);
    }

    /// <summary>Fills a history per gateway (created by <paramref name="historyFor"/>) with everything stored since <paramref name="since"/>.</summary>
    public async Task LoadAllAsync(DateTimeOffset since, Func<string, DeviceHistory> historyFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(historyFor);
        foreach (var device in await links.AllAsync(since, cancellationToken).ConfigureAwait(false))
        {
            var history = historyFor(device.Key);
            foreach (var change in device)
            {
                history.AddLink(change);
            }
        }

        foreach (var device in await observations.AllAsync(since, cancellationToken).ConfigureAwait(false))
        {
            historyFor(device.Key).AddObservations(device);
        }

        // From the telemetry store, whichever it is: under PostgreSQL the events are there, not in a node-local file.
        var byDevice = new Dictionary<string, List<StoredEvent>>(StringComparer.Ordinal);
        await foreach (var e in telemetry.EventsSinceAsync(since, cancellationToken).ConfigureAwait(false))
        {
            if (!byDevice.TryGetValue(e.DeviceId, out var list))
            {
                byDevice[e.DeviceId] = list = [];
            }

            list.Add(e);
        }

        foreach (var (device, events) in byDevice)
        {
            historyFor(device).AddEvents(events.OrderBy(e => e.Timestamp).ThenBy(e => e.Seq));
        }
    }
}
