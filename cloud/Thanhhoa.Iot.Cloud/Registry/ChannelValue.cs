using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>The latest value of one channel of a device.</summary>
public sealed record ChannelValue(double Value, DateTimeOffset Timestamp, Quality Quality, long Seq);
