using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>How readings change a device's registry row, the same on every store: newest value per channel, latest contact.</summary>
internal static class RegistryReadings
{
    public static DeviceState Apply(DeviceState state, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt)
    {
        var channels = new Dictionary<string, ChannelValue>(state.Channels, StringComparer.Ordinal);
        foreach (var r in readings)
        {
            var value = new ChannelValue(r.Value, r.Timestamp, r.Quality, r.Seq);
            if (value.IsNewerThan(channels.GetValueOrDefault(r.Channel)))
            {
                channels[r.Channel] = value;
            }
        }

        return state with { Channels = channels, LastSeen = Later(state.LastSeen, seenAt) };
    }

    public static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
