namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>Group and device configuration documents, desired revisions and reports. Writes are durable on completion.</summary>
public interface IDesiredConfigStore
{
    Task<IReadOnlyList<ConfigGroup>> ListGroupsAsync(CancellationToken cancellationToken);

    Task<ConfigGroup?> GetGroupAsync(string name, CancellationToken cancellationToken);

    Task SaveGroupAsync(ConfigGroup group, CancellationToken cancellationToken);

    Task DeleteGroupAsync(string name, CancellationToken cancellationToken);

    Task<DeviceConfig?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceConfig>> ListDevicesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceConfig>> ListMembersAsync(string group, CancellationToken cancellationToken);

    /// <summary>Stores the devices (and the group, when given) in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<DeviceConfig> devices, ConfigGroup? group, CancellationToken cancellationToken);

    /// <summary>Reads, changes and writes one device in one transaction; a missing device is passed as a new empty record.</summary>
    Task<DeviceConfig> UpdateDeviceAsync(string deviceId, Func<DeviceConfig, DeviceConfig> change, CancellationToken cancellationToken);
}
