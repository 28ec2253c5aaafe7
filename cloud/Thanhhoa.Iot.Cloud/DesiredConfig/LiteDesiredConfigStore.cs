using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using static Thanhhoa.Iot.Cloud.DesiredConfig.ConfigDocuments;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>Configuration documents in the cloud's LiteDB database, written through its group-commit writer.</summary>
public sealed class LiteDesiredConfigStore : IDesiredConfigStore
{
    private readonly LiteDbStore _store;

    public LiteDesiredConfigStore(LiteDbStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        store.Database.GetCollection(Devices).EnsureIndex(Group, "$." + Group);
    }

    public Task<IReadOnlyList<ConfigGroup>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ConfigGroup> groups = Collection(Groups).FindAll().Select(ToGroup).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        return Task.FromResult(groups);
    }

    public Task<ConfigGroup?> GetGroupAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Collection(Groups).FindById(name) is { } d ? ToGroup(d) : null);

    public Task SaveGroupAsync(ConfigGroup group, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db => db.GetCollection(Groups).Upsert(From(group)), cancellationToken);

    public Task DeleteGroupAsync(string name, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db => db.GetCollection(Groups).Delete(name), cancellationToken);

    public Task<DeviceConfig?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection(Devices).FindById(deviceId) is { } d ? ToDevice(d) : null);

    public Task<IReadOnlyList<DeviceConfig>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DeviceConfig> devices = Collection(Devices).FindAll().Select(ToDevice).OrderBy(d => d.DeviceId, StringComparer.Ordinal).ToList();
        return Task.FromResult(devices);
    }

    public Task<IReadOnlyList<DeviceConfig>> ListMembersAsync(string group, CancellationToken cancellationToken)
    {
        IReadOnlyList<DeviceConfig> members = Collection(Devices).Find(LiteQuery.EQ(Group, group)).Select(ToDevice).ToList();
        return Task.FromResult(members);
    }

    public Task SaveAsync(IReadOnlyList<DeviceConfig> devices, ConfigGroup? group, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db =>
        {
            if (group is not null)
            {
                db.GetCollection(Groups).Upsert(From(group));
            }

            return db.GetCollection(Devices).Upsert(devices.Select(From));
        }, cancellationToken);

    public Task<DeviceConfig> UpdateDeviceAsync(string deviceId, Func<DeviceConfig, DeviceConfig> change, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db =>
        {
            var devices = db.GetCollection(Devices);
            var current = devices.FindById(deviceId) is { } d ? ToDevice(d) : new DeviceConfig { DeviceId = deviceId };
            var changed = change(current);
            devices.Upsert(From(changed));
            return changed;
        }, cancellationToken);

    private ILiteCollection<BsonDocument> Collection(string name) => _store.Database.GetCollection(name);
}
