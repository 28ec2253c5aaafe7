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

        var rows = await store.ReadAsync(
            $"SELECT {DeviceRows.Columns} FROM devices WHERE last_seen >= @s OR state_changed_at >= @s OR device_id = ANY(@ids)",
            p =>
            {
                p.AddWithValue("s", since.UtcDateTime);
                p.AddWithValue("ids", changed.Keys.ToArray());
            },
            DeviceRows.Read,
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (devices.Merge(row) | changed.ContainsKey(row.DeviceId))
            {
                await push.PushAsync(devices.SiteOf(row.DeviceId), changed.GetValueOrDefault(row.DeviceId), cancellationToken).ConfigureAwait(false);
            }
        }

        Forget(now - options.Value.Overlap - (2 * options.Value.PollInterval));
        _cursor = now;
    }

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
}
