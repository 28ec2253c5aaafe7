namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// Rollouts and their devices. Every write is durable when its task completes; the update methods read,
/// change and write in one transaction, so the wave engine, ingest and the API never overwrite each other.
/// </summary>
public interface IRolloutStore
{
    /// <summary>Stores a new rollout, its devices and its download token in one transaction.</summary>
    Task InsertAsync(Rollout rollout, IReadOnlyList<RolloutDevice> devices, string downloadToken, CancellationToken cancellationToken);

    Task<Rollout?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every rollout, newest first.</summary>
    Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken);

    /// <summary><paramref name="change"/> returns the new rollout or null to leave it; returns (before, after), after null when unchanged.</summary>
    Task<(Rollout? Before, Rollout? After)> UpdateAsync(string id, Func<Rollout, Rollout?> change, CancellationToken cancellationToken);

    /// <summary>The secret that lets gateways of this rollout download its artifact.</summary>
    Task<string?> DownloadTokenAsync(string id, CancellationToken cancellationToken);

    /// <summary>The rollout whose download token this is, or null.</summary>
    Task<Rollout?> FindByDownloadTokenAsync(string token, CancellationToken cancellationToken);

    Task<IReadOnlyList<RolloutDevice>> ListDevicesAsync(string rolloutId, CancellationToken cancellationToken);

    /// <summary>Every rollout entry of one device (any rollout, any state).</summary>
    Task<IReadOnlyList<RolloutDevice>> ListByDeviceAsync(string deviceId, CancellationToken cancellationToken);

    Task<RolloutDevice?> GetDeviceAsync(string rolloutId, string deviceId, CancellationToken cancellationToken);

    /// <summary>As <see cref="UpdateAsync"/> for one device entry; returns the new entry, or null when unknown or unchanged.</summary>
    Task<RolloutDevice?> UpdateDeviceAsync(string rolloutId, string deviceId, Func<RolloutDevice, RolloutDevice?> change, CancellationToken cancellationToken);

    /// <summary>Replaces device entries in one transaction.</summary>
    Task SaveDevicesAsync(IReadOnlyList<RolloutDevice> devices, CancellationToken cancellationToken);
}
