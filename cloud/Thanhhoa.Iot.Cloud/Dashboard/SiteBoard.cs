using Thanhhoa.Iot.Contracts.Messages;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// What the page shows about sites now: each site's status, its active alarms with their acknowledgements,
/// and the site panel's detail. Composed from the site catalog, the live devices and the gateways' histories.
/// </summary>
public sealed class SiteBoard(
    ISiteCatalog catalog,
    LiveDevices devices,
    DeviceHistoryCache histories,
    IAlarmAckStore acks,
    ITelemetryStore telemetry,
    IOptions<UptimeOptions> options,
    TimeProvider time)
{
    public const string BatteryChannel = "battery_v";

    public async Task<IReadOnlyList<SiteStatus>> StatusesAsync(CancellationToken cancellationToken)
    {
        await devices.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var sites = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<SiteStatus>(sites.Count);
        foreach (var site in sites)
        {
            result.Add(await StatusOfAsync(site, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    public async Task<SiteStatus?> StatusAsync(string code, CancellationToken cancellationToken)
    {
        await devices.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var site = await catalog.GetAsync(code, cancellationToken).ConfigureAwait(false);
        return site is null ? null : await StatusOfAsync(site, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ActiveAlarm>> AlarmsAsync(string? site, CancellationToken cancellationToken)
    {
        await devices.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var sites = site is null
            ? await catalog.ListAsync(cancellationToken).ConfigureAwait(false)
            : (await catalog.GetAsync(site, cancellationToken).ConfigureAwait(false)) is { } one ? [one] : [];
        var raised = new List<(Site Site, StoredEvent Raise)>();
        foreach (var s in sites)
        {
            if (devices.ForSite(s.Code) is { } device)
            {
                var history = await histories.GetAsync(device.DeviceId, cancellationToken).ConfigureAwait(false);
                raised.AddRange(AlarmState.Active(history.Events()).Select(e => (s, e)));
            }
        }

        var found = raised.Count == 0
            ? new Dictionary<string, AlarmAck>()
            : await acks.FindAsync(raised.Select(r => AlarmState.IdOf(r.Raise)).ToList(), cancellationToken).ConfigureAwait(false);
        return raised.Select(r => ToAlarm(r.Site, r.Raise, found)).OrderByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt).ToList();
    }

    /// <summary>Active alarms of the site the device serves (none when it serves no known site).</summary>
    public async Task<IReadOnlyList<ActiveAlarm>> AlarmsOfDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        await devices.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        return devices.SiteOf(deviceId) is { } site ? await AlarmsAsync(site, cancellationToken).ConfigureAwait(false) : [];
    }

    public async Task<SiteDetail?> DetailAsync(string code, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(code, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return null;
        }

        var device = devices.ForSite(code);
        if (device is null)
        {
            return new SiteDetail(status, null, [], [], null);
        }

        var readings = device.Channels.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new LatestReading(c.Key, c.Value.Value, c.Value.Timestamp, c.Value.Quality)).ToList();
        var alarms = await AlarmsAsync(code, cancellationToken).ConfigureAwait(false);
        var autonomy = status.LastPower == PowerState.Battery ? await AutonomyAsync(device.DeviceId, cancellationToken).ConfigureAwait(false) : null;
        return new SiteDetail(status, Health(device), readings, alarms, autonomy);
    }

    /// <summary>The time-to-cutoff estimate from battery_v over the autonomy window, counted from when the site went on battery.</summary>
    public async Task<AutonomyEstimate> AutonomyAsync(string deviceId, CancellationToken cancellationToken)
    {
        var o = options.Value.Autonomy;
        var now = time.GetUtcNow();
        var history = await histories.GetAsync(deviceId, cancellationToken).ConfigureAwait(false);
        var onBatterySince = OnBatterySince(history.Events()) ?? now - o.Window;
        var from = onBatterySince > now - o.Window ? onBatterySince : now - o.Window;
        var readings = await telemetry.QueryReadingsAsync(new TelemetryQuery(deviceId, BatteryChannel, from, now, 10_000), cancellationToken).ConfigureAwait(false);
        return BatteryAutonomy.Estimate(readings.Select(r => (r.Timestamp, r.Value)).ToList(), now, o);
    }

    private async Task<SiteStatus> StatusOfAsync(Site site, CancellationToken cancellationToken)
    {
        var device = devices.ForSite(site.Code);
        if (device is null)
        {
            return Status(site, null, SiteState.Unmonitored, (PowerState.Unknown, null), []);
        }

        var history = await histories.GetAsync(device.DeviceId, cancellationToken).ConfigureAwait(false);
        var events = history.Events();
        var conditions = new PowerConditions();
        foreach (var e in events)
        {
            conditions.Apply(new LedgerEvent(e.Timestamp, e.Seq, e.Code, e.Action));
        }

        var power = conditions.Current();
        var state = !device.Online ? SiteState.Offline : power.State switch
        {
            PowerState.Battery => SiteState.Battery,
            PowerState.Generator => SiteState.Generator,
            PowerState.Down => SiteState.Down,
            _ => SiteState.Mains,
        };
        return Status(site, device, state, power, AlarmState.Active(events));
    }

    private static SiteStatus Status(Site s, DeviceState? device, SiteState state, (PowerState State, string? Cause) power, List<StoredEvent> active) => new(
        s.Code, s.Name, s.Kind, s.Operators, s.Latitude, s.Longitude, s.DistrictCode, s.DistrictName, s.CommuneCode, s.CommuneName,
        device?.DeviceId, device?.Online ?? false, state, power.State, power.Cause, active.Count,
        active.Count > 0 ? active.Max(a => a.Severity) : null,
        device?.Channels.GetValueOrDefault(BatteryChannel)?.Value, device?.LastSeen);

    private static ActiveAlarm ToAlarm(Site site, StoredEvent raise, IReadOnlyDictionary<string, AlarmAck> acks)
    {
        var id = AlarmState.IdOf(raise);
        var ack = acks.GetValueOrDefault(id);
        return new ActiveAlarm(id, site.Code, site.Name, site.DistrictCode, raise.DeviceId, raise.Code, raise.Severity, raise.Timestamp,
            raise.Message, raise.Values, ack?.By, ack?.At, ack?.Note);
    }

    private static DateTimeOffset? OnBatterySince(IReadOnlyList<StoredEvent> events) =>
        AlarmState.Active(events).Where(e => e.Code is AlarmCodes.OnBattery or AlarmCodes.MainsFail).Select(e => (DateTimeOffset?)e.Timestamp).Min();

    private static GatewayHealth Health(DeviceState d) => new(d.DeviceId, d.Online, d.Session, d.Firmware, d.LastSeen, d.StateChangedAt, d.OfflineReason);
}
