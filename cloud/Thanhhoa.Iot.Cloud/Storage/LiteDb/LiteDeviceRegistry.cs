using LiteDB;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>Device registry and live state in LiteDB; read-modify-write runs inside the writer's transaction.</summary>
public sealed class LiteDeviceRegistry(LiteDbStore store) : IDeviceRegistry
{
    public Task<DeviceState?> GetAsync(string deviceId, CancellationToken cancellationToken)
    {
        var doc = store.Database.GetCollection(LiteDbStore.Devices).FindById(deviceId);
        return Task.FromResult(doc is null ? null : DeviceDocuments.ToState(doc));
    }

    public Task<IReadOnlyList<DeviceState>> ListAsync(CancellationToken cancellationToken)
    {
        var all = store.Database.GetCollection(LiteDbStore.Devices).Query().OrderBy("_id").ToList();
        return Task.FromResult<IReadOnlyList<DeviceState>>(all.Select(DeviceDocuments.ToState).ToList());
    }

    public Task RecordReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return Update(deviceId, seenAt, state => RegistryReadings.Apply(state, readings, seenAt), cancellationToken);
    }

    public Task TouchAsync(string deviceId, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Update(deviceId, seenAt, state => state with { LastSeen = RegistryReadings.Later(state.LastSeen, seenAt) }, cancellationToken);

    public Task<bool> ApplyLinkAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Update(deviceId, update.At, state => LinkStateRules.Apply(state, update), cancellationToken);
    }

    public Task<int> MarkAllOfflineAsync(string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(
            db =>
            {
                var online = db.GetCollection(LiteDbStore.Devices).Find(LiteQuery.EQ("online", true)).Select(store.DeviceRows.Of).ToList();
                foreach (var row in online)
                {
                    store.DeviceRows.Save(db, row.State with { Online = false, OfflineReason = reason, StateChangedAt = at }, row.Ledger);
                }

                return online.Count;
            },
            cancellationToken);

    private Task<bool> Update(string deviceId, DateTimeOffset at, Func<DeviceState, DeviceState?> change, CancellationToken cancellationToken) =>
        store.Writer.WriteAsync(db => Apply(db, store.DeviceRows, deviceId, at, change), cancellationToken);

    /// <summary>Loads (or creates) the device, applies <paramref name="change"/>; null from it means "no change". Runs inside the writer's transaction.</summary>
    internal static bool Apply(LiteDatabase db, DeviceRowCache rows, string deviceId, DateTimeOffset at, Func<DeviceState, DeviceState?> change)
    {
        var (row, isNew) = rows.LoadOrNew(db, deviceId, at);
        var next = change(row.State);
        if (next is null)
        {
            if (isNew)
            {
                rows.Save(db, row.State, row.Ledger);
            }

            return false;
        }

        rows.Save(db, next, row.Ledger);
        return true;
    }
}
