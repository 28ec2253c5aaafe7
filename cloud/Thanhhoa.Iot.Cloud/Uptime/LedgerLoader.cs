using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Reads one gateway's history from the stores: events, link changes, and readings inside link gaps.</summary>
public sealed class LedgerLoader(ITelemetryStore telemetry, LinkHistoryStore links)
{
    private const int MaxReadingsPerGap = 100_000;
    private static readonly DateTimeOffset Far = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Fills <paramref name="history"/> with everything stored since its <see cref="DeviceHistory.Since"/>.</summary>
    public async Task LoadAsync(DeviceHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var changes = links.Query(history.DeviceId, history.Since);
        foreach (var change in changes)
        {
            history.AddLink(change);
        }

        var events = await telemetry.QueryEventsAsync(new TelemetryQuery(history.DeviceId, null, history.Since, Far, int.MaxValue), cancellationToken)
            .ConfigureAwait(false);
        history.AddEvents(events);
        foreach (var (start, end) in OfflineSpans(changes, history.Since))
        {
            var query = new TelemetryQuery(history.DeviceId, null, start, end, MaxReadingsPerGap);
            var readings = await telemetry.QueryReadingsAsync(query, cancellationToken).ConfigureAwait(false);
            history.AddObservations(readings.Select(r => r.Timestamp).Distinct());
        }
    }

    /// <summary>Spans without a link, from <paramref name="since"/> on; before the first birth counts too (buffered data may cover it).</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OfflineSpans(IReadOnlyList<LinkChange> changes, DateTimeOffset since)
    {
        DateTimeOffset? offlineSince = since;
        foreach (var change in changes)
        {
            if (!change.Online)
            {
                offlineSince ??= change.At;
            }
            else if (offlineSince is { } start)
            {
                if (change.At > start)
                {
                    yield return (start, change.At);
                }

                offlineSince = null;
            }
        }

        if (offlineSince is { } open)
        {
            yield return (open, Far);
        }
    }
}
