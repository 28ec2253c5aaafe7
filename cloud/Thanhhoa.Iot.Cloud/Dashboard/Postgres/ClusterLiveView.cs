using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>
/// Keeps this node's live dashboard current with what every node stored (several nodes behind one broker's shared
/// subscription: each message is ingested by one of them). Every <see cref="ClusterViewOptions.PollInterval"/> it reads
/// from PostgreSQL what was written since the previous poll (less <see cref="ClusterViewOptions.Overlap"/>): link
/// changes and observed spans by <c>recorded_at</c>, events by <c>received_at</c>, device rows (state, site, newest
/// readings) by <c>last_seen</c>/<c>state_changed_at</c>, acknowledgements by their time; it adds them to the gateways'
/// cached histories and live rows (duplicates are applied once) and pushes changed sites to this node's feed.
/// Device rows are first read by version only (<see cref="DeviceRowVersion"/>): a row this node wrote, or already
/// read, and whose state its live view holds, is not read again (most rows, each node writing its share of them).
/// Reading committed rows means a node only shows what is stored, never something another node has not yet written.
/// </summary>
public sealed partial class ClusterLiveView(
    PostgresStore store,
    PostgresLinkHistoryStore links,
    PostgresObservationStore observations,
    PostgresAlarmAckStore acks,
    ITelemetryStore telemetry,
    DeviceHistoryCache histories,
    LiveDevices devices,
    SitePush push,
    IOptions<ClusterViewOptions> options,
    TimeProvider time,
    ILogger<ClusterLiveView> logger) : BackgroundService
{
    private static readonly DateTimeOffset Far = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<(char Table, long Id), DateTimeOffset> _seen = [];
    private DateTimeOffset? _cursor;
    private long _rowsInWindow;
    private long _rowsRead;

    /// <summary>Device rows the polls found changed in their windows (versions only), since start.</summary>
    internal long RowsInWindow => Interlocked.Read(ref _rowsInWindow);

    /// <summary>Device rows the polls read in full and merged, since start: the others were known to this node.</summary>
    internal long RowsRead => Interlocked.Read(ref _rowsRead);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _cursor = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PollFailed(logger, ex, options.Value.PollInterval);
            }
        }
    }

    /// <summary>One poll: applies what was stored since the previous one (the first reaches back one overlap).</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = (_cursor ?? now) - options.Value.Overlap;
        var changed = new Dictionary<string, bool>(StringComparer.Ordinal);
        await LinksAsync(since, now, changed, cancellationToken).ConfigureAwait(false);
        await SpansAsync(since, now, changed, cancellationToken).ConfigureAwait(false);
        await EventsAsync(since, changed, cancellationToken).ConfigureAwait(false);
        foreach (var alarmId in await acks.AcknowledgedSinceAsync(since, cancellationToken).ConfigureAwait(false))
        {
            changed[alarmId.Split(':')[0]] = true;
        }

        await DevicesAsync(since, changed, cancellationToken).ConfigureAwait(false);
        Forget(now - options.Value.Overlap - (2 * options.Value.PollInterval));
        _cursor = now;
    }

    /// <summary>
    /// Device rows changed in the window, or of a device changed above: first only their versions, then in full only
    /// those this node does not hold as they are (any of the changed devices, every row another node wrote, this
    /// node's own rows whose state its live view does not hold). Each row read is remembered with the state kept.
    /// </summary>
    private async Task DevicesAsync(DateTimeOffset since, Dictionary<string, bool> changed, CancellationToken cancellationToken)
    {
        var window = await store.ReadAsync(
            $"SELECT device_id, {DeviceRowVersion.Columns} FROM devices WHERE last_seen >= @s OR state_changed_at >= @s OR device_id = ANY(@ids)",
            p =>
            {
                p.AddWithValue("s", since.UtcDateTime);
                p.AddWithValue("ids", changed.Keys.ToArray());
            },
            r => (Id: r.GetString(0), Version: DeviceRowVersion.Read(r, 1)),
            cancellationToken).ConfigureAwait(false);
        var unknown = window.Where(w => changed.ContainsKey(w.Id) || !Holds(w.Id, w.Version)).Select(w => w.Id).ToArray();
        Interlocked.Add(ref _rowsInWindow, window.Count);
        Polled(logger, window.Count, unknown.Length);
        if (unknown.Length == 0)
        {
            return;
        }

        var rows = await store.ReadAsync(
            $"SELECT {DeviceRows.Columns}, {DeviceRowVersion.Columns} FROM devices WHERE device_id = ANY(@ids)",
            p => p.AddWithValue("ids", unknown),
            r => (State: DeviceRows.Read(r), Version: DeviceRowVersion.Read(r, DeviceRows.ColumnCount)),
            cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _rowsRead, rows.Count);
        foreach (var (row, version) in rows)
        {
            var merged = devices.Merge(row, out var kept);
            store.RowVersions.Remember(version, kept);
            if (merged | changed.ContainsKey(row.DeviceId))
            {
                await push.PushAsync(devices.SiteOf(row.DeviceId), changed.GetValueOrDefault(row.DeviceId), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether the live view holds the very instance remembered for the row at this version (written by this node,
    /// or kept when the row was last read): merging the row again would change nothing. Versions are compared for
    /// equality only; the instance check catches an older state put back after the version was remembered.
    /// </summary>
    private bool Holds(string deviceId, DeviceRowVersion version) =>
        store.RowVersions.StateAt(deviceId, version) is { } state && ReferenceEquals(devices.Get(deviceId), state);

    private async Task LinksAsync(DateTimeOffset since, DateTimeOffset now, Dictionary<string, bool> changed, CancellationToken cancellationToken)
    {
        foreach (var (id, device, change) in await links.RecordedSinceAsync(since, cancellationToken).ConfigureAwait(false))
        {
            if (_seen.TryAdd(('l', id), now))
            {
                histories.AddLink(device, change);
                changed.TryAdd(device, false);
            }
        }
    }

    private async Task SpansAsync(DateTimeOffset since, DateTimeOffset now, Dictionary<string, bool> changed, CancellationToken cancellationToken)
    {
        foreach (var (id, device, span) in await observations.RecordedSinceAsync(since, cancellationToken).ConfigureAwait(false))
        {
            if (_seen.TryAdd(('o', id), now))
            {
                histories.AddObservations(device, [span]);
                changed.TryAdd(device, false);
            }
        }
    }

    private async Task EventsAsync(DateTimeOffset since, Dictionary<string, bool> changed, CancellationToken cancellationToken)
    {
        var received = await store.ReadAsync(
            "SELECT device_id, min(ts) FROM events WHERE received_at >= @s GROUP BY device_id",
            p => p.AddWithValue("s", since.UtcDateTime),
            r => (Device: r.GetString(0), From: r.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken).ConfigureAwait(false);
        foreach (var (device, from) in received)
        {
            // A history not cached yet loads everything (these included) when first asked for.
            if (histories.Peek(device) is not null)
            {
                var events = await telemetry.QueryEventsAsync(new TelemetryQuery(device, null, from, Far, int.MaxValue), cancellationToken).ConfigureAwait(false);
                histories.AddEvents(device, events);
            }

            changed[device] = true;
        }
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var key in _seen.Where(kv => kv.Value < before).Select(kv => kv.Key).ToList())
        {
            _seen.Remove(key);
        }
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Dashboard cluster poll failed; this node's live view misses other nodes' changes until the next poll succeeds (in {Interval}). Check the PostgreSQL connection")]
    private static partial void PollFailed(ILogger logger, Exception error, TimeSpan interval);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug,
        Message = "Dashboard cluster poll: {Changed} device rows changed in the window, {Read} read in full (the others were this node's own or already applied)")]
    private static partial void Polled(ILogger logger, int changed, int read);
}
