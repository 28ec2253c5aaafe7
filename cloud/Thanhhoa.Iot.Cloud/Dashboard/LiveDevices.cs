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
    /// one or the same: later session, then later state change, then later contact. True when it changed the view.
    /// </summary>
    public bool Merge(DeviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_devices.TryGetValue(state.DeviceId, out var held) && Version(held).CompareTo(Version(state)) >= 0)
        {
            return false;
        }

        Put(state);
        return true;
    }

    public DeviceState? Get(string deviceId) => _devices.GetValueOrDefault(deviceId);

    public DeviceState? ForSite(string site) => _bySite.TryGetValue(site, out var id) ? _devices.GetValueOrDefault(id) : null;

    public string? SiteOf(string deviceId) => _devices.GetValueOrDefault(deviceId)?.Site;

    private static (long, DateTimeOffset, DateTimeOffset) Version(DeviceState s) =>
        (s.Session, s.StateChangedAt ?? DateTimeOffset.MinValue, s.LastSeen ?? DateTimeOffset.MinValue);

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
