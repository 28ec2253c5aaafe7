using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// Told what ingest stored, after it is durable (the uptime ledger and the live dashboard listen).
/// Rows may come again when a gateway retries after a lost acknowledgement: listeners are idempotent.
/// A listener handles its own failures; ingest does not wait on a listener's retries.
/// </summary>
public interface IIngestListener
{
    ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken);

    /// <summary>As above, with the device's registry row as the same commit left it (null when the store does not say), so a listener need not read it again.</summary>
    ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, DeviceState? device, CancellationToken cancellationToken) =>
        ReadingsStoredAsync(deviceId, readings, cancellationToken);

    ValueTask EventsStoredAsync(string deviceId, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>A birth or death changed the device's link state (stale ones are not reported).</summary>
    ValueTask LinkChangedAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken);
}
