using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>The latest value of one channel of a device.</summary>
public sealed record ChannelValue(double Value, DateTimeOffset Timestamp, Quality Quality, long Seq)
{
    /// <summary>
    /// True when this value was taken after <paramref name="other"/>: by sequence, which a gateway only ever
    /// increases, never by timestamp (a gateway's clock can jump back, e.g. when NTP corrects a Pi without RTC).
    /// </summary>
    public bool IsNewerThan(ChannelValue? other) => other is null || Seq > other.Seq;
}
