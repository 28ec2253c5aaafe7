using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>One reading as the cloud keeps it: the wire reading plus who sent it and when it arrived.</summary>
public sealed record StoredReading(
    string DeviceId,
    long Seq,
    string Channel,
    DateTimeOffset Timestamp,
    double Value,
    Quality Quality,
    DateTimeOffset ReceivedAt);
