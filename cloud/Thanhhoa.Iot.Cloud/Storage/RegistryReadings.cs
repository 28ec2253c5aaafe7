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
        // Newest by sequence, which a gateway only ever increases, never by timestamp (a Pi without RTC can have its
        // clock corrected backwards). The newest reading per channel first, then one value each: a message holds
        // many readings of few channels.
        var newest = new Dictionary<string, StoredReading>(StringComparer.Ordinal);
        var lastSeen = state.LastSeen;
        foreach (var (readings, seenAt) in messages)
        {
            foreach (var r in readings)
            {
                if (!newest.TryGetValue(r.Channel, out var seen) || r.Seq > seen.Seq)
                {
                    newest[r.Channel] = r;
                }
            }

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

    public static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
