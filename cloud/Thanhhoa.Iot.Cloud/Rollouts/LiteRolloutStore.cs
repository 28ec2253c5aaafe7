using System.Text.Json;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Rollouts in the cloud's LiteDB database (records as JSON text beside their indexed keys), written through its group-commit writer.</summary>
public sealed class LiteRolloutStore : IRolloutStore
{
    private const string Rollouts = "rollouts";
    private const string Devices = "rollout_devices";
    private const string RolloutKey = "r";
    private const string DeviceKey = "d";
    private const string Token = "tok";
    private const string Body = "j";

    private readonly LiteDbStore _store;

    public LiteRolloutStore(LiteDbStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        store.Database.GetCollection(Devices).EnsureIndex(RolloutKey, "$." + RolloutKey);
        store.Database.GetCollection(Devices).EnsureIndex(DeviceKey, "$." + DeviceKey);
        store.Database.GetCollection(Rollouts).EnsureIndex(Token, "$." + Token);
    }

    public Task InsertAsync(Rollout rollout, IReadOnlyList<RolloutDevice> devices, string downloadToken, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db =>
        {
            var doc = From(rollout);
            doc[Token] = downloadToken;
            db.GetCollection(Rollouts).Insert(doc);
            return db.GetCollection(Devices).InsertBulk(devices.Select(From));
        }, cancellationToken);

    public Task<Rollout?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Collection(Rollouts).FindById(id) is { } d ? ToRollout(d) : null);

    public Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Rollout> all = Collection(Rollouts).FindAll().Select(ToRollout).OrderByDescending(r => r.CreatedAt).ToList();
        return Task.FromResult(all);
    }

    public Task<(Rollout? Before, Rollout? After)> UpdateAsync(string id, Func<Rollout, Rollout?> change, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db =>
        {
            var rollouts = db.GetCollection(Rollouts);
            if (rollouts.FindById(id) is not { } doc)
            {
                return ((Rollout?)null, (Rollout?)null);
            }

            var before = ToRollout(doc);
            if (change(before) is not { } after)
            {
                return (before, null);
            }

            var next = From(after);
            next[Token] = doc[Token];
            rollouts.Update(next);
            return (before, after);
        }, cancellationToken);

    public Task<string?> DownloadTokenAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Collection(Rollouts).FindById(id) is { } d ? d[Token].AsString : null);

    public Task<Rollout?> FindByDownloadTokenAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(Collection(Rollouts).FindOne(LiteQuery.EQ(Token, token)) is { } d ? ToRollout(d) : null);

    public Task<IReadOnlyList<RolloutDevice>> ListDevicesAsync(string rolloutId, CancellationToken cancellationToken)
    {
        IReadOnlyList<RolloutDevice> devices = Collection(Devices).Find(LiteQuery.EQ(RolloutKey, rolloutId)).Select(ToDevice)
            .OrderBy(d => d.Wave).ThenBy(d => d.DeviceId, StringComparer.Ordinal).ToList();
        return Task.FromResult(devices);
    }

    public Task<IReadOnlyList<RolloutDevice>> ListByDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        IReadOnlyList<RolloutDevice> entries = Collection(Devices).Find(LiteQuery.EQ(DeviceKey, deviceId)).Select(ToDevice).ToList();
        return Task.FromResult(entries);
    }

    public Task<RolloutDevice?> GetDeviceAsync(string rolloutId, string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection(Devices).FindById(Key(rolloutId, deviceId)) is { } d ? ToDevice(d) : null);

    public Task<RolloutDevice?> UpdateDeviceAsync(string rolloutId, string deviceId, Func<RolloutDevice, RolloutDevice?> change, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db =>
        {
            var devices = db.GetCollection(Devices);
            if (devices.FindById(Key(rolloutId, deviceId)) is not { } doc || change(ToDevice(doc)) is not { } after)
            {
                return null;
            }

            devices.Update(From(after));
            return after;
        }, cancellationToken);

    public Task SaveDevicesAsync(IReadOnlyList<RolloutDevice> devices, CancellationToken cancellationToken) =>
        _store.Writer.WriteAsync(db => db.GetCollection(Devices).Upsert(devices.Select(From)), cancellationToken);

    private static string Key(string rolloutId, string deviceId) => rolloutId + "/" + deviceId;

    private static BsonDocument From(Rollout r) => new()
    {
        ["_id"] = r.Id,
        [Body] = JsonSerializer.Serialize(r, RolloutJson.Default.Rollout),
    };

    private static BsonDocument From(RolloutDevice d) => new()
    {
        ["_id"] = Key(d.RolloutId, d.DeviceId),
        [RolloutKey] = d.RolloutId,
        [DeviceKey] = d.DeviceId,
        [Body] = JsonSerializer.Serialize(d, RolloutJson.Default.RolloutDevice),
    };

    private static Rollout ToRollout(BsonDocument d) => JsonSerializer.Deserialize(d[Body].AsString, RolloutJson.Default.Rollout)!;

    private static RolloutDevice ToDevice(BsonDocument d) => JsonSerializer.Deserialize(d[Body].AsString, RolloutJson.Default.RolloutDevice)!;

    private ILiteCollection<BsonDocument> Collection(string name) => _store.Database.GetCollection(name);
}
