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
    ILinkHistoryStore links,
    IObservationStore observations,
    DeviceHistoryCache histories,
    Microsoft.Extensions.Options.IOptions<UptimeOptions> options,
    LiveDevices devices,
    SitePush push,
    ILogger<DashboardIngestListener> logger) : IIngestListener
{
    public ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken) =>
        ReadingsStoredAsync(deviceId, readings, null, cancellationToken);

    public async ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, DeviceState? device, CancellationToken cancellationToken)
    {
        try
        {
            // The store hands over the row it just committed: no second read of the registry per message.
            var site = device is not null ? devices.Remember(device) : await devices.RefreshAsync(deviceId, cancellationToken).ConfigureAwait(false);

            // Readings stamped before the current session's birth were buffered through a link gap: proof the gateway was alive then.
            if (devices.Get(deviceId) is { Online: true, StateChangedAt: { } birth } && readings.Any(r => r.Timestamp < birth))
            {
                var spans = ObservedSpan.FromInstants(readings.Where(r => r.Timestamp < birth).Select(r => r.Timestamp), options.Value.MaxSilence);
                await observations.AppendManyAsync(deviceId, spans, cancellationToken).ConfigureAwait(false);
                histories.AddObservations(deviceId, spans);
            }

            await PushAsync(site, alarmsChanged: false, cancellationToken).ConfigureAwait(false);
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
            var site = await devices.RefreshAsync(deviceId, cancellationToken).ConfigureAwait(false);
            await PushAsync(site, alarmsChanged: events.Any(e => e.Action != EventAction.Info), cancellationToken).ConfigureAwait(false);
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
            var site = await devices.RefreshAsync(deviceId, cancellationToken).ConfigureAwait(false);
            await PushAsync(site, alarmsChanged: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DashboardLog.ListenerFailed(logger, ex, deviceId, "link");
        }
    }

    private Task PushAsync(string? site, bool alarmsChanged, CancellationToken cancellationToken) => push.PushAsync(site, alarmsChanged, cancellationToken);
}
