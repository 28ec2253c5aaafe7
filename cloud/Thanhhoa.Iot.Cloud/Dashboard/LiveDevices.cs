using System.Collections.Concurrent;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// The registry's devices in memory, and which gateway serves which site (the <c>site</c> of its birth,
/// stored in the registry; when a gateway is replaced, the one heard from last wins). Refreshed by ingest.
/// </summary>
public sealed class LiveDevices(IDeviceRegistry registry)
{
    private readonly ConcurrentDictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _bySite = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Task? _load;

    /// <summary>Loads every device once (a failed load is tried again by the next caller).</summary>
    public Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_load is null || _load.IsFaulted || _load.IsCanceled)
            {
                _load = LoadAllAsync();
            }

            return _load.WaitAsync(cancellationToken);
        }
    }

    private async Task LoadAllAsync()
    {
        foreach (var state in await registry.ListAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // A refresh that raced ahead of the load is newer; keep it.
            if (!_devices.ContainsKey(state.DeviceId))
            {
                Put(state);
            }
        }
    }

    /// <summary>Re-reads one device after ingest changed it; returns its site, if bound.</summary>
    public async Task<string?> RefreshAsync(string deviceId, CancellationToken cancellationToken)
    {
        var state = await registry.GetAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return null;
        }

        Put(state);
        return state.Site;
    }

    /// <summary>Takes a device's row as ingest just stored it (instead of re-reading it); returns its site, if bound.</summary>
    public string? Remember(DeviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Put(state);
        return state.Site;
    }

    /// <summary>
    /// Takes a device's row as another node stored it (read by the cluster poll), unless this node already holds a newer
    /// one (later session, then later state change, then later contact) or the same. True when it changed the view.
    /// </summary>
    public bool Merge(DeviceState state) => Merge(state, out _);

    /// <summary>As <see cref="Merge(DeviceState)"/>; <paramref name="kept"/> is the instance the view kept: <paramref name="state"/> or the one it held.</summary>
    public bool Merge(DeviceState state, out DeviceState kept)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_devices.TryGetValue(state.DeviceId, out var held))
        {
            var order = Version(held).CompareTo(Version(state));
            if (order > 0 || (order == 0 && SameChannels(held, state)))
            {
                kept = held;
                return false;
            }
        }

        Put(state);
        kept = state;
        return true;
    }

    public DeviceState? Get(string deviceId) => _devices.GetValueOrDefault(deviceId);

    public DeviceState? ForSite(string site) => _bySite.TryGetValue(site, out var id) ? _devices.GetValueOrDefault(id) : null;

    public string? SiteOf(string deviceId) => _devices.GetValueOrDefault(deviceId)?.Site;

    // Two nodes storing readings of one device at once can leave the same contact time with other newest values: the row wins.
    private static bool SameChannels(DeviceState a, DeviceState b) =>
        a.Channels.Count == b.Channels.Count && a.Channels.All(c => b.Channels.TryGetValue(c.Key, out var v) && v == c.Value);

    // In microseconds: a row read back from PostgreSQL has lost the ticks below that, and must not look older for it.
    private static (long, long, long) Version(DeviceState s) => (s.Session, Micros(s.StateChangedAt), Micros(s.LastSeen));

    private static long Micros(DateTimeOffset? at) => (at?.UtcTicks ?? 0) / TimeSpan.TicksPerMicrosecond;

    private void Put(DeviceState state)
    {
        _devices[state.DeviceId] = state;
        if (state.Site is not { } site)
        {
            return;
        }

        _bySite.AddOrUpdate(site, state.DeviceId, (_, current) =>
            current == state.DeviceId || (_devices.GetValueOrDefault(current)?.LastSeen ?? DateTimeOffset.MinValue) <= (state.LastSeen ?? DateTimeOffset.MinValue)
                ? state.DeviceId
                : current);
    }
}
