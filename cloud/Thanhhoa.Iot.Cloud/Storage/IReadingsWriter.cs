namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// Stores one telemetry message in a single durable commit: the readings that are new (deduplicated by
/// device and sequence, the first write wins) and the device's registry row (last seen, newest value per
/// channel). Calls from many gateways at once share commits. Completes only after the commit is durable,
/// so the broker may acknowledge the message afterwards.
/// </summary>
public interface IReadingsWriter
{
    Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken);
}
