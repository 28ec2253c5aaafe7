using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>
/// Devices and their live state. Devices are registered on first contact; per-device credentials
/// and provisioning arrive with a later issue. Writes are durable when the task completes.
/// </summary>
public interface IDeviceRegistry
{
    Task<DeviceState?> GetAsync(string deviceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Updates last-seen and the latest value of each channel (a value only replaces an older one).</summary>
    Task RecordReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Updates last-seen only (events, or anything else that proves the device is alive).</summary>
    Task TouchAsync(string deviceId, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Applies a birth or death by <see cref="LinkStateRules"/>; false when it was stale and ignored.</summary>
    Task<bool> ApplyLinkAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken);

    /// <summary>Marks every online device offline in its current session (e.g. the embedded broker restarted).</summary>
    Task<int> MarkAllOfflineAsync(string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
