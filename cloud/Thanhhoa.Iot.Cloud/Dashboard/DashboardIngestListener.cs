using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// Ingest's hook into the ledger and the live page: records link changes durably for the ledger, adds events
/// and buffered observations to the in-memory histories, and pushes the site's new status (and alarms) to the page.
/// </summary>
public sealed class DashboardIngestListener(
    LinkHistoryStore links,
    DeviceHistoryCache histories,
    LiveDevices devices,
    SiteBoard board,
    DashboardFeed feed,
    ILogger<DashboardIngestListener> logger) : IIngestListener
{
    public async ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        try
        {
            // Readings stamped before the latest birth were buffered through a link gap: proof the gateway was alive then.
            if (histories.Peek(deviceId)?.LastBirth is { } birth)
            {
                histories.AddObservations(deviceId, readings.Where(r => r.Timestamp < birth).Select(r => r.Timestamp).Distinct().ToList());
            }

            await PushAsync(deviceId, alarmsChanged: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DashboardLog.ListenerFailed(logger, ex, deviceId, "readings");
        }
    }

    public async ValueTask EventsStoredAsync(string deviceId, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            histories.AddEvents(deviceId, events);
            await PushAsync(deviceId, alarmsChanged: events.Any(e => e.Action != EventAction.Info), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DashboardLog.ListenerFailed(logger, ex, deviceId, "events");
        }
    }

    public async ValueTask LinkChangedAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var change = new LinkChange(update.At, update.State == LinkState.Online);
        try
        {
            await links.AppendAsync(deviceId, change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DashboardLog.LinkHistoryFailed(logger, ex, deviceId, update.At);
        }

        try
        {
            histories.AddLink(deviceId, change);
            await PushAsync(deviceId, alarmsChanged: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DashboardLog.ListenerFailed(logger, ex, deviceId, "link");
        }
    }

    private async Task PushAsync(string deviceId, bool alarmsChanged, CancellationToken cancellationToken)
    {
        var site = await devices.RefreshAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (site is null || !feed.HasSubscribers)
        {
            return;
        }

        if (await board.StatusAsync(site, cancellationToken).ConfigureAwait(false) is not { } status)
        {
            return;
        }

        feed.Publish("site", status);
        if (alarmsChanged)
        {
            feed.Publish("alarms", new { site, alarms = await board.AlarmsAsync(site, cancellationToken).ConfigureAwait(false) });
        }
    }
}
