using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>How readings change a device's registry row, the same on every store: newest value per channel, latest contact.</summary>
internal static class RegistryReadings
{
    public static DeviceState Apply(DeviceState state, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt) =>
        Apply(state, [(readings, seenAt)]);

    /// <summary>The row after several messages of the device at once (one group commit): one copy of its channels.</summary>
    public static DeviceState Apply(DeviceState state, IEnumerable<(IReadOnlyList<StoredReading> Readings, DateTimeOffset SeenAt)> messages)
    {
        var lastSeen = state.LastSeen;
        var newest = new Dictionary<string, StoredReading>(StringComparer.Ordinal);
        foreach (var (readings, seenAt) in messages)
        {
            AddNewest(newest, readings);
            lastSeen = Later(lastSeen, seenAt);
        }

        var channels = new Dictionary<string, ChannelValue>(state.Channels, StringComparer.Ordinal);
        foreach (var r in newest.Values)
        {
            if (!channels.TryGetValue(r.Channel, out var current) || r.Seq > current.Seq)
            {
                channels[r.Channel] = new ChannelValue(r.Value, r.Timestamp, r.Quality, r.Seq);
            }
        }

        return state with { Channels = channels, LastSeen = lastSeen };
    }

    /// <summary>
    /// The newest reading of each channel: by sequence, which a gateway only ever increases, never by timestamp (a Pi
    /// without RTC can have its clock corrected backwards). Applying these changes a row exactly as applying them all
    /// (a message holds many readings of few channels), so a store may pick them before its one writer thread.
    /// </summary>
    public static IReadOnlyList<StoredReading> NewestPerChannel(IReadOnlyList<StoredReading> readings)
    {
        var newest = new Dictionary<string, StoredReading>(StringComparer.Ordinal);
        AddNewest(newest, readings);
        return [.. newest.Values];
    }

    private static void AddNewest(Dictionary<string, StoredReading> newest, IReadOnlyList<StoredReading> readings)
    {
        foreach (var r in readings)
        {
            if (!newest.TryGetValue(r.Channel, out var seen) || r.Seq > seen.Seq)
            {
                newest[r.Channel] = r;
            }
        }
    }

    public static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
