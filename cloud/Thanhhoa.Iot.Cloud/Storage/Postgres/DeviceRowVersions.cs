using System.Collections.Concurrent;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// This node's knowledge of the <c>devices</c> rows: for each device (one entry, replaced), a version of its row and
/// the <see cref="DeviceState"/> this node took for it, set by this node's readings writer after each commit (the
/// state it wrote) and by the dashboard's cluster poll (the state it applied). A reader holding that very instance
/// and finding the row still at that version knows the row without reading it again; anything else (another
/// node's write, a write this node did not record, an older instance put back) makes the versions or the
/// instances differ, and the row is read.
/// </summary>
internal sealed class DeviceRowVersions
{
    private readonly ConcurrentDictionary<string, (DeviceRowVersion Version, DeviceState State)> _known = new(StringComparer.Ordinal);

    public void Remember(DeviceRowVersion version, DeviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _known[state.DeviceId] = (version, state);
    }

    /// <summary>The state remembered for the device's row at <paramref name="version"/>; null if none or another version.</summary>
    public DeviceState? StateAt(string deviceId, DeviceRowVersion version) =>
        _known.TryGetValue(deviceId, out var known) && known.Version == version ? known.State : null;
}
