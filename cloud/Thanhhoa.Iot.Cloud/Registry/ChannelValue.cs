using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>The latest value of one channel of a device.</summary>
public sealed record ChannelValue(double Value, DateTimeOffset Timestamp, Quality Quality, long Seq)
{
    /// <summary>True when this value was taken after <paramref name="other"/> (sequence breaks timestamp ties).</summary>
    public bool IsNewerThan(ChannelValue? other) =>
        other is null || Timestamp > other.Timestamp || (Timestamp == other.Timestamp && Seq > other.Seq);
}
