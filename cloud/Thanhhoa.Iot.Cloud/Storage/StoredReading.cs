using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// One reading as the cloud keeps it: the wire reading plus who sent it and when it arrived.
/// <see cref="TimeQuality"/> is <c>unsynced</c> when the gateway could not place the reading in time
/// (its <see cref="Timestamp"/> is then the gateway's unsynchronised clock; order by <see cref="Seq"/>).
/// </summary>
public sealed record StoredReading(
    string DeviceId,
    long Seq,
    string Channel,
    DateTimeOffset Timestamp,
    double Value,
    Quality Quality,
    DateTimeOffset ReceivedAt,
    TimeQuality TimeQuality = TimeQuality.Synced);
